package io.loomcql.internal.protocol.compression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loomcql.Compression;
import io.loomcql.error.ProtocolError;
import java.nio.ByteBuffer;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** Round trips and hostile input for the v3/v4 body compressors. */
class CompressorTest {
  private static final int MAX = 1 << 20;

  @Provide
  Arbitrary<Compression> algorithm() {
    return Arbitraries.of(Compression.LZ4, Compression.SNAPPY);
  }

  /** Bodies from a seed: empty, incompressible (random) or compressible (a few repeated bytes). */
  static byte[] body(long seed, int length, boolean compressible) {
    Random random = new Random(seed);
    byte[] bytes = new byte[length];
    if (compressible) {
      byte[] alphabet = new byte[1 + random.nextInt(4)];
      random.nextBytes(alphabet);
      for (int i = 0; i < length; i++) {
        bytes[i] = alphabet[(i / (1 + random.nextInt(8))) % alphabet.length];
      }
    } else {
      random.nextBytes(bytes);
    }
    return bytes;
  }

  @Property(tries = 500)
  void should_restore_what_it_compressed(
      @ForAll("algorithm") Compression algorithm,
      @ForAll long seed,
      @ForAll @IntRange(max = 200_000) int length,
      @ForAll boolean compressible,
      @ForAll boolean direct) {
    Compressor compressor = Compressors.forBody(algorithm);
    byte[] original = body(seed, length, compressible);
    ByteBuffer input = direct ? ByteBuffer.allocateDirect(length).put(original).flip() : ByteBuffer.wrap(original);

    ByteBuffer compressed = compressor.compress(input);
    assertThat(input.position()).as("input position").isZero();
    ByteBuffer restored = compressor.decompress(compressed, MAX);

    assertThat(toArray(restored)).isEqualTo(original);
    assertThat(compressed.position()).as("compressed position").isZero();
  }

  @Property(tries = 200)
  void should_restore_from_a_buffer_that_starts_mid_array(
      @ForAll("algorithm") Compression algorithm, @ForAll @Size(max = 500) byte[] original) {
    Compressor compressor = Compressors.forBody(algorithm);
    ByteBuffer compressed = compressor.compress(ByteBuffer.wrap(original));
    ByteBuffer shifted = ByteBuffer.allocate(compressed.remaining() + 10).position(7).put(compressed).flip().position(7);
    shifted = shifted.slice().asReadOnlyBuffer();
    assertThat(toArray(compressor.decompress(shifted, MAX))).isEqualTo(original);
  }

  @Test
  void should_round_trip_an_empty_body() {
    for (Compression algorithm : new Compression[] {Compression.LZ4, Compression.SNAPPY}) {
      Compressor compressor = Compressors.forBody(algorithm);
      ByteBuffer compressed = compressor.compress(ByteBuffer.allocate(0));
      assertThat(compressor.decompress(compressed, 0).remaining()).isZero();
    }
  }

  @Property(tries = 2000)
  void should_fail_only_with_protocol_error_on_random_bytes(
      @ForAll("algorithm") Compression algorithm, @ForAll @Size(max = 300) byte[] bytes) {
    expectProtocolErrorOrSuccess(Compressors.forBody(algorithm), ByteBuffer.wrap(bytes), 4096);
  }

  @Property(tries = 2000)
  void should_fail_only_with_protocol_error_on_flipped_bits_and_truncations(
      @ForAll("algorithm") Compression algorithm,
      @ForAll long seed,
      @ForAll @IntRange(max = 5000) int length,
      @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int damageSeed,
      @ForAll boolean truncate) {
    Compressor compressor = Compressors.forBody(algorithm);
    ByteBuffer compressed = compressor.compress(ByteBuffer.wrap(body(seed, length, seed % 2 == 0)));
    if (truncate) {
      compressed.limit(damageSeed % compressed.limit());
    } else {
      int bit = damageSeed % (compressed.limit() * 8);
      compressed.put(bit / 8, (byte) (compressed.get(bit / 8) ^ (1 << (bit % 8))));
    }
    expectProtocolErrorOrSuccess(compressor, compressed, MAX);
  }

  @Test
  void should_reject_a_ten_byte_lz4_body_claiming_two_gib_before_allocating() {
    Compressor lz4 = Compressors.forBody(Compression.LZ4);
    ByteBuffer body = ByteBuffer.allocate(10).putInt(Integer.MAX_VALUE).put(new byte[6]).flip();

    assertThatThrownBy(() -> lz4.decompress(body.duplicate(), 256 << 20))
        .isExactlyInstanceOf(ProtocolError.class)
        .hasMessageContaining("declares 2147483647 uncompressed bytes, more than the maximum 268435456");
    // Even with no maximum at all, 6 bytes of LZ4 cannot expand to 2 GiB: rejected, not allocated.
    assertThatThrownBy(() -> lz4.decompress(body.duplicate(), Integer.MAX_VALUE))
        .isExactlyInstanceOf(ProtocolError.class)
        .hasMessageContaining("impossible from 6 compressed bytes");
    assertThat(Allocations.during(() -> lz4.decompress(body.duplicate(), Integer.MAX_VALUE)))
        .isLessThan(64 * 1024);
  }

  @Test
  void should_reject_a_declared_length_above_a_small_maximum_before_allocating() {
    Compressor lz4 = Compressors.forBody(Compression.LZ4);
    ByteBuffer body = lz4.compress(ByteBuffer.wrap(new byte[100_000])); // compresses to ~400 bytes
    assertThatThrownBy(() -> lz4.decompress(body.duplicate(), 99_999))
        .isExactlyInstanceOf(ProtocolError.class)
        .hasMessageContaining("more than the maximum 99999");
    assertThat(Allocations.during(() -> lz4.decompress(body.duplicate(), 99_999))).isLessThan(50_000);
  }

  @Test
  void should_reject_a_negative_lz4_length() {
    ByteBuffer body = ByteBuffer.allocate(6).putInt(-1).putShort((short) 0).flip();
    assertThatThrownBy(() -> Compressors.forBody(Compression.LZ4).decompress(body, MAX))
        .isExactlyInstanceOf(ProtocolError.class)
        .hasMessageContaining("negative");
  }

  @Test
  void should_reject_an_lz4_body_shorter_than_its_length_prefix() {
    assertThatThrownBy(() -> Compressors.forBody(Compression.LZ4).decompress(ByteBuffer.allocate(3), MAX))
        .isExactlyInstanceOf(ProtocolError.class);
  }

  @Test
  void should_reject_a_ten_byte_snappy_body_claiming_two_gib_before_allocating() {
    Compressor snappy = Compressors.forBody(Compression.SNAPPY);
    // varint 2^31 - 1, then 5 bytes of nothing in particular
    ByteBuffer body = ByteBuffer.wrap(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x07, 0, 0, 0, 0, 0});

    // snappy-java checks the declared length against the input size itself; our own guards stand
    // behind it. Either way: a ProtocolError, and nothing of that size allocated.
    assertThatThrownBy(() -> snappy.decompress(body.duplicate(), 256 << 20))
        .isExactlyInstanceOf(ProtocolError.class)
        .hasMessageContaining("Snappy body");
    assertThatThrownBy(() -> snappy.decompress(body.duplicate(), Integer.MAX_VALUE))
        .isExactlyInstanceOf(ProtocolError.class)
        .hasMessageContaining("Snappy body");
    assertThat(Allocations.during(() -> snappy.decompress(body.duplicate(), Integer.MAX_VALUE)))
        .isLessThan(64 * 1024);
  }

  @Test
  void should_reject_a_snappy_length_above_a_small_maximum() {
    Compressor snappy = Compressors.forBody(Compression.SNAPPY);
    ByteBuffer body = snappy.compress(ByteBuffer.wrap(new byte[10_000]));
    assertThatThrownBy(() -> snappy.decompress(body, 9_999))
        .isExactlyInstanceOf(ProtocolError.class)
        .hasMessageContaining("declares 10000 uncompressed bytes, more than the maximum 9999");
  }

  @Test
  void should_reject_lz4_that_expands_to_less_than_declared() {
    Compressor lz4 = Compressors.forBody(Compression.LZ4);
    ByteBuffer body = lz4.compress(ByteBuffer.wrap(new byte[1000]));
    body.putInt(0, 1001);
    assertThatThrownBy(() -> lz4.decompress(body, MAX)).isInstanceOf(ProtocolError.class);
  }

  private static void expectProtocolErrorOrSuccess(Compressor compressor, ByteBuffer input, int maxLength) {
    try {
      ByteBuffer restored = compressor.decompress(input, maxLength);
      assertThat(restored.remaining()).isLessThanOrEqualTo(maxLength);
    } catch (ProtocolError expected) {
      assertThat(expected.getMessage()).isNotBlank();
    }
  }

  static byte[] toArray(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.duplicate().get(bytes);
    return bytes;
  }
}
