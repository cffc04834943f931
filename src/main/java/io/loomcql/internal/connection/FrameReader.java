package io.loomcql.internal.connection;

import io.loomcql.ProtocolVersion;
import io.loomcql.internal.protocol.FrameCodec;
import io.loomcql.internal.protocol.FrameHeader;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The single reader of one connection (one virtual thread). It reads as much as the socket has
 * into a large buffer, cuts it into frames, copies each body out and hands it to the waiting
 * request; decoding the body is left to the waiter. A malformed header or a closed socket ends
 * the connection and fails every request in flight on it.
 */
final class FrameReader implements Runnable {
  private static final int BUFFER_SIZE = 64 * 1024;

  private final Connection connection;
  private final Transport transport;
  private final ProtocolVersion version;
  private final int maxBodyLength;
  private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_SIZE);

  FrameReader(Connection connection, Transport transport, ProtocolVersion version, int maxBodyLength) {
    this.connection = connection;
    this.transport = transport;
    this.version = version;
    this.maxBodyLength = maxBodyLength;
  }

  void start(String name) {
    Thread.ofVirtual().name(name).start(this);
  }

  @Override
  public void run() {
    try {
      while (true) {
        if (transport.read(buffer) < 0) {
          throw new EOFException("connection closed by the server");
        }
        buffer.flip();
        drainFrames();
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
      FrameHeader header = FrameCodec.decodeHeader(buffer, true, version, maxBodyLength);
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
