package io.loomcql.internal.protocol.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loomcql.Compression;
import io.loomcql.internal.protocol.compression.Compressors;
import io.loomcql.internal.protocol.compression.Lz4Block;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Byte-exact layouts (expected bytes computed independently, in Python) and CRC detection. */
class SegmentFormatTest {
  private static final Lz4Block LZ4 = Compressors.forSegments(Compression.LZ4);

  @Test
  void should_lay_out_an_uncompressed_header_little_endian_with_its_crc24() {
    ByteBuffer header = ByteBuffer.allocate(6);
    SegmentFormat.putHeader(header, 0, 50, true);
    assertThat(HexFormat.of().formatHex(header.array())).isEqualTo("320002a5ffee");

    SegmentFormat.putHeader(header, 0, SegmentFormat.MAX_PAYLOAD_LENGTH, false);
    assertThat(HexFormat.of().formatHex(header.array())).isEqualTo("ffff013891fe");
  }

  @Test
  void should_lay_out_an_lz4_header_as_five_bytes_of_fields_then_the_crc24() {
    ByteBuffer header = ByteBuffer.allocate(8);
    SegmentFormat.putLz4Header(header, 0, 30, 50, true);
    assertThat(HexFormat.of().formatHex(header.array())).isEqualTo("1e006400047a7d20");
  }

  @Test
  void should_write_a_whole_uncompressed_segment() {
    ByteBuffer out = ByteBuffer.allocate(100);
    SegmentFormat.encode(ByteBuffer.wrap(new byte[] {'h', 'e', 'l', 'l', 'o'}), true, null, out);
    // header(5 bytes, self-contained), payload, CRC32 b60e8074 little-endian
    assertThat(HexFormat.of().formatHex(out.array(), 6, out.position())).isEqualTo("68656c6c6f74800eb6");
    assertThat(out.position()).isEqualTo(6 + 5 + 4);
  }

  @Test
  void should_store_an_lz4_payload_as_is_when_compressing_does_not_shrink_it() {
    ByteBuffer out = ByteBuffer.allocate(100);
    SegmentFormat.encode(ByteBuffer.wrap(new byte[] {1, 2, 3}), true, LZ4, out);
    long header = SegmentFormat.getLittleEndian(out, 0, 5);
    assertThat(header & 0x1FFFF).as("compressed length").isEqualTo(3);
    assertThat((header >>> 17) & 0x1FFFF).as("uncompressed length 0: stored as is").isZero();
    assertThat(out.position()).isEqualTo(8 + 3 + 4);

    Segment segment = new SegmentDecoder(LZ4).next(out.flip());
    assertThat(Wire.bytes(segment.payload())).containsExactly(1, 2, 3);
  }

  @Test
  void should_compress_an_lz4_payload_that_shrinks() {
    ByteBuffer out = ByteBuffer.allocate(2000);
    SegmentFormat.encode(ByteBuffer.allocate(1000), false, LZ4, out);
    long header = SegmentFormat.getLittleEndian(out, 0, 5);
    assertThat(header & 0x1FFFF).as("compressed length").isLessThan(100);
    assertThat((header >>> 17) & 0x1FFFF).as("uncompressed length").isEqualTo(1000);
    assertThat(header & (1L << 34)).as("self-contained flag").isZero();

    Segment segment = new SegmentDecoder(LZ4).next(out.flip());
    assertThat(segment.selfContained()).isFalse();
    assertThat(Wire.bytes(segment.payload())).isEqualTo(new byte[1000]);
  }

  @Test
  void should_detect_one_flipped_header_bit_as_a_header_crc_error() {
    for (Lz4Block lz4 : new Lz4Block[] {null, LZ4}) {
      for (int bit = 0; bit < 8 * SegmentFormat.headerLength(lz4); bit++) {
        ByteBuffer segment = encoded(lz4);
        segment.put(bit / 8, (byte) (segment.get(bit / 8) ^ (1 << (bit % 8))));
        SegmentDecoder decoder = new SegmentDecoder(lz4);
        assertThatThrownBy(() -> decoder.next(segment))
            .isInstanceOfSatisfying(CorruptSegmentException.class, e -> assertThat(e.inHeader()).isTrue());
      }
    }
  }

  @Test
  void should_detect_one_flipped_payload_or_trailer_bit_as_a_payload_crc_error() {
    for (Lz4Block lz4 : new Lz4Block[] {null, LZ4}) {
      int start = SegmentFormat.headerLength(lz4);
      int end = encoded(lz4).limit();
      for (int bit = start * 8; bit < end * 8; bit += 5) {
        ByteBuffer segment = encoded(lz4);
        segment.put(bit / 8, (byte) (segment.get(bit / 8) ^ (1 << (bit % 8))));
        SegmentDecoder decoder = new SegmentDecoder(lz4);
        assertThatThrownBy(() -> decoder.next(segment))
            .isInstanceOfSatisfying(CorruptSegmentException.class, e -> assertThat(e.inHeader()).isFalse())
            .hasMessageContaining("payload CRC");
      }
    }
  }

  @Test
  void should_refuse_a_payload_above_the_maximum() {
    ByteBuffer payload = ByteBuffer.allocate(SegmentFormat.MAX_PAYLOAD_LENGTH + 1);
    assertThatThrownBy(() -> SegmentFormat.encode(payload, true, null, ByteBuffer.allocate(200_000)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void should_fail_loudly_when_the_read_buffer_can_never_hold_the_segment() {
    ByteBuffer out = ByteBuffer.allocate(20_000);
    SegmentFormat.encode(ByteBuffer.allocate(10_000), true, null, out);
    ByteBuffer tooSmall = ByteBuffer.allocate(5_000).put(out.array(), 0, 5_000).flip();
    assertThatThrownBy(() -> new SegmentDecoder(null).next(tooSmall)).isInstanceOf(IllegalStateException.class);
  }

  /** A segment of a compressible 300-byte payload, flipped for reading. */
  private static ByteBuffer encoded(Lz4Block lz4) {
    ByteBuffer payload = ByteBuffer.allocate(300);
    for (int i = 0; i < 300; i++) {
      payload.put(i, (byte) (i % 7));
    }
    ByteBuffer out = ByteBuffer.allocate(400);
    SegmentFormat.encode(payload, true, lz4, out);
    return out.flip();
  }
}
