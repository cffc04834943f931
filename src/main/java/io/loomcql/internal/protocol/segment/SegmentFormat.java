package io.loomcql.internal.protocol.segment;

import io.loomcql.internal.protocol.compression.Lz4Block;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;

/**
 * The wire layout of a v5 segment (spec sections 2.1 and 2.2). All its integers are little-endian,
 * unlike the big-endian envelopes inside, so they are assembled byte by byte here and never
 * depend on a buffer's {@link java.nio.ByteOrder}.
 *
 * <pre>
 * uncompressed: header(6) = [payload length: 17 bits | self-contained: 1 | padding: 6 | CRC24: 24]
 *               payload, CRC32 of the payload (4)
 * LZ4:          header(8) = [compressed length: 17 | uncompressed length: 17 | self-contained: 1
 *                            | padding: 5 | CRC24: 24]
 *               compressed payload, CRC32 of the compressed payload (4)
 * </pre>
 *
 * <p>An uncompressed length of 0 in an LZ4 header means the payload is stored as is, which a
 * sender does when compressing did not shrink it. (Section 2.3.2 says the compressed length is
 * set to 0 instead; that contradicts section 2.2, and Cassandra follows 2.2.) Section 2.2 also
 * speaks of a 4-byte CRC24 after 4 bytes of lengths, which cannot hold 35 bits: the header is 5
 * bytes of fields, then the 3-byte CRC24 over those 5 bytes, as in its drawing and in Cassandra.
 */
public final class SegmentFormat {
  /** The largest payload a segment carries: its length field has 17 bits. */
  public static final int MAX_PAYLOAD_LENGTH = (1 << 17) - 1;

  public static final int HEADER_LENGTH = 6;
  public static final int LZ4_HEADER_LENGTH = 8;
  public static final int TRAILER_LENGTH = 4;

  /** The largest segment on the wire in either format; a read buffer must hold one whole. */
  public static final int MAX_SEGMENT_LENGTH = LZ4_HEADER_LENGTH + MAX_PAYLOAD_LENGTH + TRAILER_LENGTH;

  static final int LENGTH_MASK = 0x1FFFF;

  private SegmentFormat() {}

  static int headerLength(Lz4Block lz4) {
    return lz4 == null ? HEADER_LENGTH : LZ4_HEADER_LENGTH;
  }

  /** Bytes {@link #encode} may write for a payload of this length. */
  public static int maxEncodedLength(int payloadLength, Lz4Block lz4) {
    return lz4 == null
        ? HEADER_LENGTH + payloadLength + TRAILER_LENGTH
        : LZ4_HEADER_LENGTH + lz4.maxCompressedLength(payloadLength) + TRAILER_LENGTH;
  }

  /**
   * Writes one whole segment carrying {@code payload} (position to limit, left unmoved) at
   * {@code out}'s position, compressed if {@code lz4} is given; {@code out} needs {@link
   * #maxEncodedLength} bytes of room.
   */
  public static void encode(ByteBuffer payload, boolean selfContained, Lz4Block lz4, ByteBuffer out) {
    int length = payload.remaining();
    checkPayloadLength(length);
    if (out.remaining() < maxEncodedLength(length, lz4)) {
      throw new BufferOverflowException();
    }
    int start = out.position();
    if (lz4 == null) {
      out.put(start + HEADER_LENGTH, payload, payload.position(), length);
      putHeader(out, start, length, selfContained);
      putTrailer(out, start + HEADER_LENGTH, length);
      out.position(start + HEADER_LENGTH + length + TRAILER_LENGTH);
      return;
    }
    int dataStart = start + LZ4_HEADER_LENGTH;
    int compressed = lz4.compress(payload, payload.position(), length, out, dataStart);
    int uncompressedField = length;
    if (compressed >= length) {
      // Not worth it: send the payload as is, flagged by an uncompressed length of 0.
      out.put(dataStart, payload, payload.position(), length);
      compressed = length;
      uncompressedField = 0;
    }
    putLz4Header(out, start, compressed, uncompressedField, selfContained);
    putTrailer(out, dataStart, compressed);
    out.position(dataStart + compressed + TRAILER_LENGTH);
  }

  /** Writes the 6-byte uncompressed header at absolute {@code index}. */
  static void putHeader(ByteBuffer out, int index, int payloadLength, boolean selfContained) {
    int fields = payloadLength | (selfContained ? 1 << 17 : 0);
    putLittleEndian(out, index, fields, 3);
    putLittleEndian(out, index + 3, SegmentCrc.crc24(out, index, 3), 3);
  }

  /** Writes the 8-byte LZ4 header at absolute {@code index}. */
  static void putLz4Header(ByteBuffer out, int index, int compressedLength, int uncompressedLength, boolean selfContained) {
    long fields = compressedLength | ((long) uncompressedLength << 17) | (selfContained ? 1L << 34 : 0);
    putLittleEndian(out, index, fields, 5);
    putLittleEndian(out, index + 5, SegmentCrc.crc24(out, index, 5), 3);
  }

  /** Writes the CRC32 of {@code length} bytes at {@code index} right after them. */
  static void putTrailer(ByteBuffer out, int index, int length) {
    putLittleEndian(out, index + length, SegmentCrc.crc32(out, index, length), 4);
  }

  static void putLittleEndian(ByteBuffer out, int index, long value, int bytes) {
    for (int i = 0; i < bytes; i++) {
      out.put(index + i, (byte) (value >>> (8 * i)));
    }
  }

  static long getLittleEndian(ByteBuffer in, int index, int bytes) {
    long value = 0;
    for (int i = 0; i < bytes; i++) {
      value |= (in.get(index + i) & 0xFFL) << (8 * i);
    }
    return value;
  }

  static void checkPayloadLength(int length) {
    if (length > MAX_PAYLOAD_LENGTH) {
      throw new IllegalArgumentException(
          "segment payload of " + length + " bytes; the maximum is " + MAX_PAYLOAD_LENGTH);
    }
  }
}
