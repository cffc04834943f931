package io.loomcql.internal.connection;

import io.loomcql.error.ProtocolError;
import io.loomcql.internal.protocol.ColumnSpecCache;
import io.loomcql.internal.protocol.Frame;
import io.loomcql.internal.protocol.FrameCodec;
import io.loomcql.internal.protocol.FrameHeader;
import io.loomcql.internal.protocol.compression.Compressor;
import java.nio.ByteBuffer;

/**
 * A response as the reader hands it over: the checked header and a private copy of the body,
 * still compressed if it came so (v3/v4). The waiting caller decompresses and decodes it on its
 * own thread, so the reader only frames. It is decoded once, by that caller: decoding reads the
 * body in place (no duplicate per response) and so consumes it.
 *
 * <p>A compressed body that does not decompress (corrupt, or declaring more than {@code
 * maxBodyLength}, as an LZ4 bomb does) closes the connection it came on: that node's bytes cannot
 * be trusted any more. The caller then gets the same retryable {@link
 * io.loomcql.error.ConnectionException} as every other request in flight on it.
 *
 * @param compressor the connection's body compressor, or null when compression is off
 * @param connection the connection the frame came on
 */
public record ResponseFrame(
    FrameHeader header, ByteBuffer body, Compressor compressor, int maxBodyLength, Connection connection) {
  /**
   * Decodes the message; throws {@link ProtocolError} if the body is malformed, or a {@link
   * io.loomcql.error.ConnectionException} if it does not decompress.
   */
  public Frame decode() {
    return decode(null);
  }

  /**
   * Decodes the message, reusing {@code known} result columns when the answer repeats them byte
   * for byte (see {@link ColumnSpecCache}); throws {@link ProtocolError} if the body is malformed,
   * or a {@link io.loomcql.error.ConnectionException} if it does not decompress.
   */
  public Frame decode(ColumnSpecCache known) {
    FrameHeader h = header;
    ByteBuffer b = body; // consumed: each response is decoded once, by its caller
    if ((h.flags() & FrameHeader.FLAG_COMPRESSED) != 0 && h.version() < 5) {
      if (compressor == null) {
        throw new ProtocolError("compressed frame on a connection without compression");
      }
      try {
        b = compressor.decompress(b, maxBodyLength);
      } catch (ProtocolError e) {
        throw connection.closeOnCorruptBody(e);
      }
      h = new FrameHeader(h.version(), h.response(), h.flags() & ~FrameHeader.FLAG_COMPRESSED, h.streamId(),
          h.opcode(), b.remaining());
    }
    return FrameCodec.decodeBody(h, b, known);
  }
}
