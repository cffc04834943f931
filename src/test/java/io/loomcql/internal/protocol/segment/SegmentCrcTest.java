package io.loomcql.internal.protocol.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * Expected values come from an independent implementation (Python: zlib.crc32 primed with
 * FA 2D 55 CA, and a bitwise CRC24 with the spec's initial value and polynomial).
 */
class SegmentCrcTest {

  @Test
  void should_prime_crc32_with_cassandras_four_bytes() {
    assertThat(SegmentCrc.crc32(ByteBuffer.allocate(0), 0, 0)).isEqualTo(0x44777ed3);
    ByteBuffer hello = ByteBuffer.wrap("xhellox".getBytes(StandardCharsets.US_ASCII));
    assertThat(SegmentCrc.crc32(hello, 1, 5)).isEqualTo(0xb60e8074);
  }

  @Test
  void should_compute_crc24_with_the_spec_parameters() {
    ByteBuffer check = ByteBuffer.wrap("123456789".getBytes(StandardCharsets.US_ASCII));
    assertThat(SegmentCrc.crc24(check, 0, 9)).isEqualTo(0x4b3f02);
  }

  @Property(tries = 500)
  void should_equal_java_crc32_over_the_primed_payload(@ForAll @Size(max = 300) byte[] payload) {
    CRC32 reference = new CRC32();
    reference.update(new byte[] {(byte) 0xFA, 0x2D, 0x55, (byte) 0xCA});
    reference.update(payload);
    ByteBuffer direct = ByteBuffer.allocateDirect(payload.length + 3).position(3).put(payload);
    assertThat(SegmentCrc.crc32(direct, 3, payload.length)).isEqualTo((int) reference.getValue());
  }

  @Property(tries = 1000)
  void should_change_crc24_when_any_single_header_bit_flips(
      @ForAll @Size(min = 5, max = 5) byte[] header, @ForAll @IntRange(max = 39) int bit, @ForAll boolean lz4) {
    int length = lz4 ? 5 : 3;
    bit %= length * 8;
    ByteBuffer buffer = ByteBuffer.wrap(header.clone());
    int before = SegmentCrc.crc24(buffer, 0, length);
    buffer.put(bit / 8, (byte) (buffer.get(bit / 8) ^ (1 << (bit % 8))));
    assertThat(SegmentCrc.crc24(buffer, 0, length)).isNotEqualTo(before).isBetween(0, 0xFFFFFF);
  }
}
