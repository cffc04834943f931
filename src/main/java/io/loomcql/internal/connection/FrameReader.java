package io.loomcql.internal.connection;

import io.loomcql.internal.DriverResources;
import io.loomcql.ProtocolVersion;
import io.loomcql.error.ProtocolError;
import io.loomcql.internal.protocol.FrameCodec;
import io.loomcql.internal.protocol.FrameHeader;
import io.loomcql.internal.protocol.Opcodes;
import io.loomcql.internal.protocol.compression.Compressors;
import io.loomcql.internal.protocol.segment.EnvelopeAssembler;
import io.loomcql.internal.protocol.segment.Segment;
import io.loomcql.internal.protocol.segment.SegmentDecoder;
import io.loomcql.internal.protocol.segment.SegmentFormat;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The single reader of one connection (one virtual thread). It reads as much as the socket has
 * into a large buffer, cuts it into frames, copies each body out and hands it to the waiting
 * request; decoding the body is left to the waiter. A malformed header, a corrupt v5 segment or a
 * closed socket ends the connection and fails every request in flight on it.
 *
 * <p>On protocol v5 the bytes are plain v4-style frames until the answer to STARTUP, and v5
 * segments (each carrying envelopes) from the next byte on; the reader switches itself at that
 * frame boundary, since only it knows where the boundary falls in its buffer.
 */
final class FrameReader implements Runnable {
  private static final int BUFFER_SIZE = 64 * 1024;

  private final Connection connection;
  private final Transport transport;
  private final ProtocolVersion version;
  private final int maxBodyLength;
  private final ByteBuffer buffer;
  private boolean startupAnswered;
  private int answers; // answers to requests in the current read, for the heartbeat's clock
  private SegmentDecoder segments; // v5, once framed
  private EnvelopeAssembler envelopes;

  FrameReader(Connection connection, Transport transport, ProtocolVersion version, int maxBodyLength) {
    this.connection = connection;
    this.transport = transport;
    this.version = version;
    this.maxBodyLength = maxBodyLength;
    int size = version.code() >= 5 ? 2 * SegmentFormat.MAX_SEGMENT_LENGTH : BUFFER_SIZE;
    this.buffer = ByteBuffer.allocateDirect(size);
  }

  void start(String name) {
    DriverResources.startThread(name, this);
  }

  @Override
  public void run() {
    try {
      while (true) {
        if (transport.read(buffer) < 0) {
          throw new EOFException("connection closed by the server");
        }
        buffer.flip();
        if (segments == null) {
          drainFrames();
        }
        if (segments != null) {
          drainSegments();
        }
        buffer.compact();
        if (answers > 0) {
          answers = 0;
          connection.answersArrived();
        }
      }
    } catch (IOException | RuntimeException e) {
      connection.defunct(e);
    }
  }

  /** Dispatches every complete frame in the buffer; leaves a partial one for the next read. */
  private void drainFrames() throws IOException {
    while (buffer.remaining() >= FrameHeader.SIZE) {
      int start = buffer.position();
      int length = FrameCodec.checkHeader(buffer, start, true, null, maxBodyLength);
      int frameVersion = FrameCodec.version(buffer, start);
      int flags = FrameCodec.flags(buffer, start);
      int streamId = FrameCodec.streamId(buffer, start);
      int opcode = FrameCodec.opcode(buffer, start);
      checkVersion(frameVersion, opcode);
      int bodyStart = start + FrameHeader.SIZE;
      if (buffer.limit() - bodyStart >= length) {
        buffer.position(bodyStart + length);
        dispatch(frameVersion, flags, streamId, opcode, length, buffer, bodyStart, true);
      } else if (length > buffer.capacity() - FrameHeader.SIZE) {
        buffer.position(bodyStart);
        dispatch(frameVersion, flags, streamId, opcode, length, ByteBuffer.wrap(readLargeBody(length)), 0, false);
      } else {
        return; // wait for the rest of this frame
      }
      if (!startupAnswered && (opcode == Opcodes.READY || opcode == Opcodes.AUTHENTICATE)) {
        startupAnswered = true;
        if (version.code() >= 5) {
          // Everything after the answer to STARTUP is framed in segments.
          segments = new SegmentDecoder(Compressors.forSegments(connection.wireCompression()));
          envelopes = new EnvelopeAssembler(maxBodyLength);
          return;
        }
      }
    }
  }

  /**
   * Hands a whole frame whose body is {@code in[bodyStart, bodyStart + length)} to its request: the
   * shared bare Void answer, else a copy of the body (when {@code copy}) or a slice of it (of an
   * envelope, or of a large body read into its own array).
   */
  private void dispatch(
      int frameVersion, int flags, int streamId, int opcode, int length, ByteBuffer in, int bodyStart, boolean copy) {
    ResponseFrame frame;
    if (startupAnswered && ResponseFrame.isBareVoid(flags, opcode, length, in, bodyStart)) {
      frame = connection.bareVoid();
    } else if (copy) {
      byte[] body = new byte[length];
      in.get(bodyStart, body);
      frame = new ResponseFrame(frameVersion, flags, streamId, opcode, ByteBuffer.wrap(body), connection);
    } else {
      frame = new ResponseFrame(frameVersion, flags, streamId, opcode, in.slice(bodyStart, length), connection);
    }
    if (streamId >= 0) {
      answers++; // events (negative ids) do not show that the node answers
    }
    connection.onFrame(streamId, frame);
  }

  /**
   * The answer to a STARTUP in a version the node does not speak comes back as an ERROR in the
   * version it prefers: let that one through so the handshake can step down; anything else in
   * another version breaks the connection.
   */
  private void checkVersion(int frameVersion, int opcode) {
    if (frameVersion != version.code() && (startupAnswered || opcode != Opcodes.ERROR)) {
      throw new ProtocolError("frame of protocol v" + frameVersion + " on a v" + version.code() + " connection");
    }
  }

  private void drainSegments() {
    Segment segment;
    while ((segment = segments.next(buffer)) != null) {
      envelopes.feed(segment);
      ByteBuffer envelope;
      while ((envelope = envelopes.next()) != null) {
        int start = envelope.position();
        int length = FrameCodec.checkHeader(envelope, start, true, version, maxBodyLength);
        int bodyStart = start + FrameHeader.SIZE;
        if (envelope.limit() - bodyStart != length) {
          throw new ProtocolError("envelope of " + (envelope.limit() - bodyStart) + " body bytes declares " + length);
        }
        dispatch(version.code(), FrameCodec.flags(envelope, start), FrameCodec.streamId(envelope, start),
            FrameCodec.opcode(envelope, start), length, envelope, bodyStart, false);
      }
    }
  }

  /** A body larger than the buffer: copy what we have, then read the rest through the buffer. */
  private byte[] readLargeBody(int length) throws IOException {
    byte[] body = new byte[length];
    int filled = buffer.remaining();
    buffer.get(body, 0, filled);
    while (filled < length) {
      buffer.clear();
      if (transport.read(buffer) < 0) {
        throw new EOFException("connection closed by the server in the middle of a frame");
      }
      buffer.flip();
      int take = Math.min(buffer.remaining(), length - filled);
      buffer.get(body, filled, take);
      filled += take;
    }
    return body;
  }
}
