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
      }
    } catch (IOException | RuntimeException e) {
      connection.defunct(e);
    }
  }

  /** Dispatches every complete frame in the buffer; leaves a partial one for the next read. */
  private void drainFrames() throws IOException {
    while (buffer.remaining() >= FrameHeader.SIZE) {
      int start = buffer.position();
      FrameHeader header = FrameCodec.decodeHeader(buffer, true, null, maxBodyLength);
      checkVersion(header);
      int length = header.bodyLength();
      if (buffer.remaining() >= length) {
        byte[] body = new byte[length];
        buffer.get(body);
        connection.onFrame(header, ByteBuffer.wrap(body));
      } else if (length > buffer.capacity() - FrameHeader.SIZE) {
        connection.onFrame(header, ByteBuffer.wrap(readLargeBody(length)));
      } else {
        buffer.position(start); // wait for the rest of this frame
        return;
      }
      if (!startupAnswered && (header.opcode() == Opcodes.READY || header.opcode() == Opcodes.AUTHENTICATE)) {
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
   * The answer to a STARTUP in a version the node does not speak comes back as an ERROR in the
   * version it prefers: let that one through so the handshake can step down; anything else in
   * another version breaks the connection.
   */
  private void checkVersion(FrameHeader header) {
    if (header.version() != version.code()
        && (startupAnswered || header.opcode() != Opcodes.ERROR)) {
      throw new ProtocolError("frame of protocol v" + header.version() + " on a v" + version.code() + " connection");
    }
  }

  private void drainSegments() {
    Segment segment;
    while ((segment = segments.next(buffer)) != null) {
      envelopes.feed(segment);
      ByteBuffer envelope;
      while ((envelope = envelopes.next()) != null) {
        FrameHeader header = FrameCodec.decodeHeader(envelope, true, version, maxBodyLength);
        if (envelope.remaining() != header.bodyLength()) {
          throw new ProtocolError("envelope of " + envelope.remaining() + " body bytes declares " + header.bodyLength());
        }
        connection.onFrame(header, envelope.slice());
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
