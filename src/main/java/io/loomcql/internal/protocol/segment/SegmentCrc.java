package io.loomcql.internal.protocol.segment;

import java.nio.ByteBuffer;
import java.util.zip.CRC32;

/**
 * The two checksums of a v5 segment.
 *
 * <p>CRC24 protects the header. The spec gives its initial value (0x875060) and polynomial
 * (0x1974F0B, the x^24 term included) but not its bit order nor its coverage; as Cassandra
 * computes it, it is non-reflected (each byte enters the top of the 24-bit register, shifted out
 * most significant bit first), has no final XOR, and covers the header bytes before it in wire
 * order: 3 of them for an uncompressed header, 5 for an LZ4 one. It is then stored little-endian.
 *
 * <p>CRC32 protects the payload (the compressed payload for LZ4 segments). It is {@link CRC32}
 * (zlib's CRC-32), but primed with the four bytes FA 2D 55 CA before the payload: Cassandra does
 * this and the spec does not mention it, and without them no CRC matches a real server's. Stored
 * little-endian.
 */
public final class SegmentCrc {
  static final int CRC24_INIT = 0x875060;
  static final int CRC24_POLY = 0x1974F0B;
  private static final byte[] CRC32_INITIAL_BYTES = {(byte) 0xFA, (byte) 0x2D, (byte) 0x55, (byte) 0xCA};

  private SegmentCrc() {}

  /** CRC24 of {@code length} bytes at absolute index {@code index}; the buffer's position is not moved. */
  public static int crc24(ByteBuffer buffer, int index, int length) {
    int crc = CRC24_INIT;
    for (int i = 0; i < length; i++) {
      crc ^= (buffer.get(index + i) & 0xFF) << 16;
      for (int bit = 0; bit < 8; bit++) {
        crc <<= 1;
        if ((crc & 0x1000000) != 0) {
          crc ^= CRC24_POLY;
        }
      }
    }
    return crc & 0xFFFFFF;
  }

  /** CRC32 (with Cassandra's 4 initial bytes) of {@code length} bytes at absolute {@code index}. */
  public static int crc32(ByteBuffer buffer, int index, int length) {
    CRC32 crc = new CRC32();
    crc.update(CRC32_INITIAL_BYTES);
    crc.update(buffer.slice(index, length));
    return (int) crc.getValue();
  }
}
