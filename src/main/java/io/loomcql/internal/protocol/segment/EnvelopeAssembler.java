package io.loomcql.internal.protocol.segment;

import io.loomcql.error.ProtocolError;
import io.loomcql.internal.protocol.FrameHeader;
import java.nio.ByteBuffer;

/**
 * Turns segment payloads back into envelopes (v4-style frames: 9-byte header, then the body whose
 * length the header's last 4 bytes give). Feed it each segment in arrival order, then take
 * envelopes with {@link #next} until it answers null.
 *
 * <p>A self-contained payload must be a run of whole envelopes ending exactly at its end; it is
 * checked in full before any of its envelopes is handed out, so a malformed segment yields none.
 * Non-self-contained payloads are consecutive slices of one envelope, accumulated until it is
 * complete; one of them holding bytes past its envelope's end is an error (the spec puts a single
 * envelope in such a run). Self-contained segments arriving between the slices are accepted and
 * their envelopes handed out at once, as Cassandra's own reader does.
 *
 * <p>Every envelope handed out is a fresh heap buffer that owns its bytes (position 0, limit at
 * its end), so it may go to another thread while the read buffer is reused. A body length is
 * checked against the maximum before anything is allocated for it.
 *
 * <p>Not thread-safe: one per connection, used by its reader only.
 */
public final class EnvelopeAssembler {
  private final int maxBodyLength;

  /** The self-contained payload being handed out, envelope by envelope; null when drained. */
  private ByteBuffer contained;
  /** The header of a large envelope while its first bytes trickle in. */
  private final ByteBuffer largeHeader = ByteBuffer.allocate(FrameHeader.SIZE);
  /** The large envelope being filled, allocated once its header is known. */
  private ByteBuffer large;
  /** A large envelope completed by the last segment, not yet handed out. */
  private ByteBuffer completed;

  public EnvelopeAssembler(int maxBodyLength) {
    this.maxBodyLength = maxBodyLength;
  }

  /**
   * Takes the payload of the next segment. The previous segment's envelopes must all have been
   * taken with {@link #next} first. The payload's position is not moved.
   *
   * @throws ProtocolError if the payload breaks the rules above or announces a body longer than
   *     the maximum; the connection cannot continue after that
   */
  public void feed(Segment segment) {
    if (contained != null || completed != null) {
      throw new IllegalStateException("feed() before next() returned every envelope of the previous segment");
    }
    ByteBuffer payload = segment.payload();
    if (segment.selfContained()) {
      checkWholeEnvelopes(payload);
      contained = payload.hasRemaining() ? payload.duplicate() : null;
    } else {
      accumulate(payload.duplicate());
    }
  }

  /** The next complete envelope of the segments fed so far, or null if there is none yet. */
  public ByteBuffer next() {
    if (completed != null) {
      ByteBuffer envelope = completed;
      completed = null;
      return envelope;
    }
    if (contained == null) {
      return null;
    }
    int start = contained.position();
    int size = FrameHeader.SIZE + bodyLength(contained, start); // checked by feed()
    ByteBuffer envelope = ByteBuffer.allocate(size).put(0, contained, start, size);
    contained.position(start + size);
    if (!contained.hasRemaining()) {
      contained = null;
    }
    return envelope;
  }

  /** Whether part of a large envelope has arrived and the rest has not. */
  public boolean hasPartialEnvelope() {
    return large != null || largeHeader.position() > 0;
  }

  private void checkWholeEnvelopes(ByteBuffer payload) {
    int index = payload.position();
    int end = payload.limit();
    while (index < end) {
      if (end - index < FrameHeader.SIZE) {
        throw new ProtocolError("self-contained segment ends " + (end - index) + " bytes into an envelope header");
      }
      int bodyLength = checkBodyLength(bodyLength(payload, index));
      if (end - index - FrameHeader.SIZE < bodyLength) {
        throw new ProtocolError("self-contained segment ends inside an envelope whose body has "
            + bodyLength + " bytes, " + (end - index - FrameHeader.SIZE) + " of them in the segment");
      }
      index += FrameHeader.SIZE + bodyLength;
    }
  }

  private void accumulate(ByteBuffer slice) {
    if (large == null) {
      int headerBytes = Math.min(largeHeader.remaining(), slice.remaining());
      largeHeader.put(slice.slice(slice.position(), headerBytes));
      slice.position(slice.position() + headerBytes);
      if (largeHeader.hasRemaining()) {
        return; // the header itself was cut; wait for the next slice
      }
      int bodyLength = checkBodyLength(bodyLength(largeHeader, 0));
      // Allocated whole once the length passed the check: the cap, not the peer, bounds it.
      large = ByteBuffer.allocate(FrameHeader.SIZE + bodyLength).put(largeHeader.flip());
      largeHeader.clear();
    }
    if (slice.remaining() > large.remaining()) {
      throw new ProtocolError("non-self-contained segment carries " + (slice.remaining() - large.remaining())
          + " bytes past the end of its envelope");
    }
    large.put(slice);
    if (!large.hasRemaining()) {
      completed = large.flip();
      large = null;
    }
  }

  /** The big-endian body length of the envelope at {@code index}, whatever the buffer's byte order. */
  private static int bodyLength(ByteBuffer buffer, int index) {
    int at = index + FrameHeader.SIZE - 4;
    return (buffer.get(at) & 0xFF) << 24 | (buffer.get(at + 1) & 0xFF) << 16
        | (buffer.get(at + 2) & 0xFF) << 8 | (buffer.get(at + 3) & 0xFF);
  }

  private int checkBodyLength(int bodyLength) {
    if (bodyLength < 0 || bodyLength > maxBodyLength) {
      throw new ProtocolError("envelope body length " + bodyLength + " outside [0, " + maxBodyLength + "]");
    }
    return bodyLength;
  }
}
