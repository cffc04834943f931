package io.loomcql.internal.metadata.token;

import java.nio.ByteBuffer;

/**
 * The first 64 bits of MurmurHash3 x64_128 (seed 0) exactly as Cassandra's {@code MurmurHash}
 * computes them, which is not quite the reference algorithm: Cassandra reads the tail bytes (the
 * last {@code length % 16}) as signed, so a tail byte of 0x80 or more is sign-extended before it is
 * shifted. Token values must match the server's bit for bit, so that quirk is kept on purpose.
 */
final class Murmur3Hash {
  private static final long C1 = 0x87c37b91114253d5L;
  private static final long C2 = 0x4cf5ad432745937fL;

  private Murmur3Hash() {}

  /** h1 of the 128-bit hash of the bytes between the buffer's position and limit. */
  @SuppressWarnings("fallthrough") // the tail switch falls through like the reference algorithm
  static long hash(ByteBuffer key) {
    int offset = key.position();
    int length = key.remaining();
    int blocks = length >>> 4;
    long h1 = 0;
    long h2 = 0;
    for (int i = 0; i < blocks; i++) {
      long k1 = littleEndianLong(key, offset + i * 16);
      long k2 = littleEndianLong(key, offset + i * 16 + 8);
      h1 ^= mixK1(k1);
      h1 = Long.rotateLeft(h1, 27) + h2;
      h1 = h1 * 5 + 0x52dce729;
      h2 ^= mixK2(k2);
      h2 = Long.rotateLeft(h2, 31) + h1;
      h2 = h2 * 5 + 0x38495ab5;
    }
    int tail = offset + blocks * 16;
    long k1 = 0;
    long k2 = 0;
    // Fall through on purpose, as in the reference; (long) of a signed byte is Cassandra's quirk.
    switch (length & 15) {
      case 15: k2 ^= ((long) key.get(tail + 14)) << 48; // fall through
      case 14: k2 ^= ((long) key.get(tail + 13)) << 40; // fall through
      case 13: k2 ^= ((long) key.get(tail + 12)) << 32; // fall through
      case 12: k2 ^= ((long) key.get(tail + 11)) << 24; // fall through
      case 11: k2 ^= ((long) key.get(tail + 10)) << 16; // fall through
      case 10: k2 ^= ((long) key.get(tail + 9)) << 8; // fall through
      case 9:
        k2 ^= key.get(tail + 8);
        h2 ^= mixK2(k2);
        // fall through
      case 8: k1 ^= ((long) key.get(tail + 7)) << 56; // fall through
      case 7: k1 ^= ((long) key.get(tail + 6)) << 48; // fall through
      case 6: k1 ^= ((long) key.get(tail + 5)) << 40; // fall through
      case 5: k1 ^= ((long) key.get(tail + 4)) << 32; // fall through
      case 4: k1 ^= ((long) key.get(tail + 3)) << 24; // fall through
      case 3: k1 ^= ((long) key.get(tail + 2)) << 16; // fall through
      case 2: k1 ^= ((long) key.get(tail + 1)) << 8; // fall through
      case 1:
        k1 ^= key.get(tail);
        h1 ^= mixK1(k1);
        break;
      default:
        break;
    }
    h1 ^= length;
    h2 ^= length;
    h1 += h2;
    h2 += h1;
    h1 = finalMix(h1);
    h2 = finalMix(h2);
    return h1 + h2;
  }

  private static long mixK1(long k1) {
    return Long.rotateLeft(k1 * C1, 31) * C2;
  }

  private static long mixK2(long k2) {
    return Long.rotateLeft(k2 * C2, 33) * C1;
  }

  private static long finalMix(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb9fe1a85ec53L;
    k ^= k >>> 33;
    return k;
  }

  /** Full blocks are read unsigned and little-endian, whatever the buffer's byte order. */
  private static long littleEndianLong(ByteBuffer key, int index) {
    long value = 0;
    for (int i = 7; i >= 0; i--) {
      value = (value << 8) | (key.get(index + i) & 0xffL);
    }
    return value;
  }
}
