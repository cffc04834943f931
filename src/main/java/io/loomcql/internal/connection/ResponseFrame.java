package io.loomcql.internal.connection;

import io.loomcql.ProtocolVersion;
import io.loomcql.error.ProtocolError;
import io.loomcql.internal.protocol.ColumnSpecCache;
import io.loomcql.internal.protocol.Frame;
import io.loomcql.internal.protocol.FrameCodec;
import io.loomcql.internal.protocol.FrameHeader;
import io.loomcql.internal.protocol.Opcodes;
import io.loomcql.internal.protocol.VoidResult;
import java.nio.ByteBuffer;

/**
 * A response as the reader hands it over: the checked header's fields and a private copy of the
 * body, still compressed if it came so (v3/v4). One object per response (no separate header).
 * The waiting caller decompresses and decodes it on its own thread, so the reader only frames. It
 * is decoded once, by that caller: decoding reads the body in place (no duplicate per response)
 * and so consumes it.
 *
 * <p>A bare Void answer (RESULT of kind Void, no flags: the same 4 bytes for every write) is not
 * copied at all: the reader completes the request with its connection's one {@link
 * #bareVoid shared instance}, decoded once. That instance carries no stream id (it reports 0);
 * the request knows its own.
 *
 * <p>A compressed body that does not decompress (corrupt, or declaring more than the connection's
 * maximum body length, as an LZ4 bomb does) closes the connection it came on: that node's bytes
 * cannot be trusted any more. The caller then gets the same retryable {@link
 * io.loomcql.error.ConnectionException} as every other request in flight on it.
 */
public final class ResponseFrame {
  private final int version;
  private final int flags;
  private final int streamId;
  private final int opcode;
  private final ByteBuffer body; // null for the shared bare Void answer
  private final Connection connection;
  private final Frame decoded; // the shared bare Void answer only

  ResponseFrame(int version, int flags, int streamId, int opcode, ByteBuffer body, Connection connection) {
    this(version, flags, streamId, opcode, body, connection, null);
  }

  private ResponseFrame(
      int version, int flags, int streamId, int opcode, ByteBuffer body, Connection connection, Frame decoded) {
    this.version = version;
    this.flags = flags;
    this.streamId = streamId;
    this.opcode = opcode;
    this.body = body;
    this.connection = connection;
    this.decoded = decoded;
  }

  /** The one shared bare Void answer of a connection of that version. */
  static ResponseFrame bareVoid(ProtocolVersion version, Connection connection) {
    return new ResponseFrame(version.code(), 0, 0, Opcodes.RESULT, null, connection,
        Frame.of(version, 0, VoidResult.INSTANCE));
  }

  /**
   * Whether the body at {@code at} is a bare Void answer: a RESULT without flags (no tracing id,
   * warnings or payload before the message) whose 4 bytes say kind Void.
   */
  static boolean isBareVoid(int flags, int opcode, int bodyLength, ByteBuffer in, int at) {
    return opcode == Opcodes.RESULT && flags == 0 && bodyLength == 4 && in.getInt(at) == 0x0001;
  }

  /** {@return the stream id, or 0 for the shared bare Void answer} */
  int streamId() {
    return streamId;
  }

  int opcode() {
    return opcode;
  }

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
    if (decoded != null) {
      return decoded;
    }
    ByteBuffer b = body; // consumed: each response is decoded once, by its caller
    int f = flags;
    if ((f & FrameHeader.FLAG_COMPRESSED) != 0 && version < 5) {
      b = connection.decompress(b);
      f &= ~FrameHeader.FLAG_COMPRESSED;
    }
    return FrameCodec.decodeBody(version, true, f, streamId, opcode, b, known);
  }
}
