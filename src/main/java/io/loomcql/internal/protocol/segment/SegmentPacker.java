package io.loomcql.internal.protocol.segment;

import io.loomcql.internal.protocol.compression.Lz4Block;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;

/**
 * Packs outgoing envelopes into v5 segments, in the writer's own output buffer, so that the
 * envelopes of one write share as few segments (and CRCs) as possible.
 *
 * <p>An envelope of up to {@link SegmentFormat#MAX_PAYLOAD_LENGTH} bytes joins the open
 * self-contained segment, or starts a new one when it would overflow it. Without compression it is
 * encoded straight into the output buffer, behind a header slot that {@link #finish} fills in:
 * no copy, no allocation. With LZ4 it is encoded into one reused payload buffer, compressed into
 * the output when the segment closes. A larger envelope is first encoded on its own and then cut
 * by {@link #writeLarge} into non-self-contained segments of the maximum payload.
 *
 * <p>Calling sequence on the writer thread, {@code out} being its buffer in write mode with a
 * capacity of at least {@link #maxSegmentLength()}:
 *
 * <pre>{@code
 * int size = FrameCodec.encodedSize(frame);
 * if (size <= SegmentFormat.MAX_PAYLOAD_LENGTH) {
 *   if (!packer.fits(out, size)) { packer.finish(out); flush(out); }
 *   ByteBuffer target = packer.startEnvelope(out, size);
 *   int mark = target.position();
 *   try { FrameCodec.encode(frame, target); } catch (RuntimeException e) { target.position(mark); ... }
 * } else {
 *   ByteBuffer envelope = ByteBuffer.allocate(size); FrameCodec.encode(frame, envelope); envelope.flip();
 *   while (!packer.writeLarge(envelope, out)) { flush(out); }
 * }
 * // before every flush, and when the queue is empty: packer.finish(out); flush(out);
 * }</pre>
 *
 * <p>Not thread-safe: one per connection, used by its writer only.
 */
public final class SegmentPacker {
  private final Lz4Block lz4;
  /** LZ4 only: the payload of the open segment. */
  private final ByteBuffer payload;
  /** Uncompressed only: where the open segment's header goes in the output, or -1. */
  private int segmentStart = -1;

  /** @param lz4 the LZ4 codec if compression was negotiated, else null (uncompressed format) */
  public SegmentPacker(Lz4Block lz4) {
    this.lz4 = lz4;
    this.payload = lz4 == null ? null : ByteBuffer.allocate(SegmentFormat.MAX_PAYLOAD_LENGTH);
  }

  /** The largest segment this packer writes: the output buffer's minimum capacity. */
  public int maxSegmentLength() {
    return SegmentFormat.maxEncodedLength(SegmentFormat.MAX_PAYLOAD_LENGTH, lz4);
  }

  /**
   * Whether an envelope of {@code size} bytes can be added now, counting what closing the open
   * segment and the one that will hold it will write. If not: {@link #finish}, flush, then add.
   */
  public boolean fits(ByteBuffer out, int size) {
    checkEnvelopeSize(size);
    return out.remaining() >= roomNeeded(out, size);
  }

  /**
   * Makes room for an envelope of {@code size} bytes in a self-contained segment and returns the
   * buffer to encode it into, at that buffer's position: {@code out} itself, or the compression
   * buffer. The caller then writes exactly {@code size} bytes there.
   *
   * @throws BufferOverflowException if {@link #fits} is false
   */
  public ByteBuffer startEnvelope(ByteBuffer out, int size) {
    checkCapacity(out);
    if (!fits(out, size)) {
      throw new BufferOverflowException();
    }
    if (lz4 != null) {
      if (payload.position() + size > SegmentFormat.MAX_PAYLOAD_LENGTH) {
        finish(out);
      }
      return payload;
    }
    if (segmentStart >= 0 && openPayload(out) + size > SegmentFormat.MAX_PAYLOAD_LENGTH) {
      finish(out);
    }
    if (segmentStart < 0) {
      segmentStart = out.position();
      out.position(segmentStart + SegmentFormat.HEADER_LENGTH);
    }
    return out;
  }

  /**
   * Closes the open segment, if any, writing what it still lacks into {@code out} (there is always
   * room: {@link #fits} reserved it). Call before handing {@code out} to the socket.
   */
  public void finish(ByteBuffer out) {
    if (lz4 != null) {
      if (payload.position() > 0) {
        SegmentFormat.encode(payload.flip(), true, lz4, out);
      }
      payload.clear();
      return;
    }
    if (segmentStart < 0) {
      return;
    }
    int length = openPayload(out);
    if (length < 0 || length > SegmentFormat.MAX_PAYLOAD_LENGTH) {
      throw new IllegalStateException("open segment of " + length + " bytes: more was written than announced,"
          + " or the buffer was flushed without finish()");
    }
    if (length == 0) {
      out.position(segmentStart); // nothing was added after all: no empty segment
    } else {
      SegmentFormat.putHeader(out, segmentStart, length, true);
      SegmentFormat.putTrailer(out, segmentStart + SegmentFormat.HEADER_LENGTH, length);
      out.position(out.position() + SegmentFormat.TRAILER_LENGTH);
    }
    segmentStart = -1;
  }

  /**
   * Writes an encoded envelope too large for one segment (more than {@link
   * SegmentFormat#MAX_PAYLOAD_LENGTH} bytes, position to limit) as consecutive non-self-contained
   * segments, after closing the open segment. Writes as many as {@code out} has room for and
   * advances the envelope's position past them; returns true once all of it is written, else
   * false: flush {@code out} and call again with the same envelope.
   */
  public boolean writeLarge(ByteBuffer envelope, ByteBuffer out) {
    checkCapacity(out);
    finish(out);
    while (envelope.hasRemaining()) {
      int length = Math.min(SegmentFormat.MAX_PAYLOAD_LENGTH, envelope.remaining());
      if (out.remaining() < SegmentFormat.maxEncodedLength(length, lz4)) {
        return false;
      }
      SegmentFormat.encode(envelope.slice(envelope.position(), length), false, lz4, out);
      envelope.position(envelope.position() + length);
    }
    return true;
  }

  /** Bytes of payload in the open segment, or -1 if none is open. */
  private int openPayload(ByteBuffer out) {
    if (lz4 != null) {
      return payload.position();
    }
    return segmentStart < 0 ? -1 : out.position() - segmentStart - SegmentFormat.HEADER_LENGTH;
  }

  /** Bytes {@code out} must have free to take the envelope now and close every segment later. */
  private long roomNeeded(ByteBuffer out, int size) {
    int open = openPayload(out);
    boolean joins = open >= 0 && open + size <= SegmentFormat.MAX_PAYLOAD_LENGTH;
    if (lz4 == null) {
      // The payload goes straight into out; only the trailer(s) and a new header are extra.
      return joins
          ? size + SegmentFormat.TRAILER_LENGTH
          : (open >= 0 ? SegmentFormat.TRAILER_LENGTH : 0) + SegmentFormat.maxEncodedLength(size, null);
    }
    return joins
        ? SegmentFormat.maxEncodedLength(open + size, lz4)
        : (open > 0 ? (long) SegmentFormat.maxEncodedLength(open, lz4) : 0) + SegmentFormat.maxEncodedLength(size, lz4);
  }

  private static void checkEnvelopeSize(int size) {
    if (size < 0 || size > SegmentFormat.MAX_PAYLOAD_LENGTH) {
      throw new IllegalArgumentException(
          "envelope of " + size + " bytes does not fit one segment; use writeLarge");
    }
  }

  private void checkCapacity(ByteBuffer out) {
    if (out.capacity() < maxSegmentLength()) {
      throw new IllegalArgumentException(
          "output buffer of " + out.capacity() + " bytes cannot hold a segment of " + maxSegmentLength());
    }
  }
}
