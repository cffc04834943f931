package io.loomcql.internal.protocol.segment;

import io.loomcql.error.ProtocolError;
import io.loomcql.internal.protocol.compression.Lz4Block;
import java.nio.ByteBuffer;

/**
 * Cuts the bytes read from a v5 connection into segments and checks them: the reader feeds it its
 * buffer after each read and takes segments until it answers null, then compacts and reads again.
 *
 * <p>A header is checked against its CRC24 as soon as its bytes are there, before waiting for the
 * payload, so a corrupt length is never trusted. Lengths have 17 bits, so nothing here allocates
 * more than one 128 KiB buffer, once, for decompression.
 *
 * <p>Calling sequence on the reader thread, {@code buffer} having a capacity of at least {@link
 * SegmentFormat#MAX_SEGMENT_LENGTH}:
 *
 * <pre>{@code
 * transport.read(buffer); buffer.flip();
 * Segment segment;
 * while ((segment = decoder.next(buffer)) != null) {
 *   assembler.feed(segment);
 *   ByteBuffer envelope;
 *   while ((envelope = assembler.next()) != null) { dispatch(envelope); }
 * }
 * buffer.compact();
 * }</pre>
 *
 * <p>Not thread-safe: one per connection, used by its reader only.
 */
public final class SegmentDecoder {
  private final Lz4Block lz4;
  private final int headerLength;
  private ByteBuffer decompressed;

  /** @param lz4 the LZ4 codec if compression was negotiated, else null (uncompressed format) */
  public SegmentDecoder(Lz4Block lz4) {
    this.lz4 = lz4;
    this.headerLength = SegmentFormat.headerLength(lz4);
  }

  /**
   * Decodes the segment at {@code in}'s position and moves the position past it, or returns null,
   * leaving the position where it was, if {@code in} holds only part of it.
   *
   * <p>The returned payload is a view of {@code in} (or of a buffer this decoder reuses): consume
   * it, for example with {@link EnvelopeAssembler}, before the next call and before compacting
   * or refilling {@code in}.
   *
   * @throws CorruptSegmentException if the header or the payload fails its CRC
   * @throws ProtocolError if an LZ4 payload does not decompress to its declared length
   * @throws IllegalStateException if {@code in} is too small to ever hold this segment (its
   *     capacity must be at least {@link SegmentFormat#MAX_SEGMENT_LENGTH})
   */
  public Segment next(ByteBuffer in) {
    int start = in.position();
    if (in.remaining() < headerLength) {
      return null;
    }
    long header = SegmentFormat.getLittleEndian(in, start, headerLength);
    int fieldBytes = headerLength - 3;
    int expectedCrc = (int) (header >>> (8 * fieldBytes)) & 0xFFFFFF;
    int actualCrc = SegmentCrc.crc24(in, start, fieldBytes);
    if (expectedCrc != actualCrc) {
      throw new CorruptSegmentException(true, expectedCrc, actualCrc);
    }
    int length = (int) header & SegmentFormat.LENGTH_MASK;
    int uncompressedLength = lz4 == null ? 0 : (int) (header >>> 17) & SegmentFormat.LENGTH_MASK;
    boolean selfContained = (header & (lz4 == null ? 1L << 17 : 1L << 34)) != 0;

    int total = headerLength + length + SegmentFormat.TRAILER_LENGTH;
    if (in.remaining() < total) {
      if (in.capacity() < total) {
        throw new IllegalStateException(
            "read buffer of " + in.capacity() + " bytes cannot hold a segment of " + total);
      }
      return null;
    }
    int dataStart = start + headerLength;
    int expectedPayloadCrc = (int) SegmentFormat.getLittleEndian(in, dataStart + length, 4);
    int actualPayloadCrc = SegmentCrc.crc32(in, dataStart, length);
    if (expectedPayloadCrc != actualPayloadCrc) {
      throw new CorruptSegmentException(false, expectedPayloadCrc, actualPayloadCrc);
    }
    ByteBuffer payload;
    if (uncompressedLength == 0) {
      payload = in.slice(dataStart, length);
    } else {
      payload = decompressionBuffer();
      lz4.decompress(in, dataStart, length, payload, 0, uncompressedLength, "LZ4 segment");
      payload = payload.slice(0, uncompressedLength);
    }
    in.position(start + total);
    return new Segment(payload, selfContained);
  }

  private ByteBuffer decompressionBuffer() {
    if (decompressed == null) {
      decompressed = ByteBuffer.allocate(SegmentFormat.MAX_PAYLOAD_LENGTH);
    }
    return decompressed;
  }
}
