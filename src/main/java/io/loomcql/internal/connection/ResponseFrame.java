package io.loomcql.internal.connection;

import io.loomcql.ProtocolVersion;
import io.loomcql.error.ProtocolError;
import io.loomcql.internal.protocol.ColumnSpecCache;
import io.loomcql.internal.protocol.Frame;
import io.loomcql.internal.protocol.FrameCodec;
import io.loomcql.internal.protocol.FrameHeader;
import io.loomcql.internal.protocol.Message;
import io.loomcql.internal.protocol.Opcodes;
import io.loomcql.internal.protocol.VoidResult;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.UUID;

/**
 * A response as the reader hands it over: the checked header's fields and a private copy of the
 * body, still compressed if it came so (v3/v4). One object per response (no separate header).
 * The waiting caller decompresses and decodes it on its own thread, so the reader only frames. It
 * is decoded once, by that caller: decoding reads the body in place (no duplicate per response)
 * and so consumes it. The decoded message is kept here; a {@link Frame} is made only for a body
 * with a prelude (tracing id, warnings, custom payload) or when a caller asks for one.
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
  // Bytes, not ints: with the message and frame fields the object stays at 40 bytes.
  private final byte version;
  private final byte flags;
  private final byte opcode;
  private final int streamId;
  private final ByteBuffer body; // null for the shared bare Void answer
  private final Connection connection;
  // Set once by the one caller that decodes (preset on the shared bare Void answer).
  private Message message;
  private Frame frame; // null unless the body had a prelude or decode() was asked for

  ResponseFrame(int version, int flags, int streamId, int opcode, ByteBuffer body, Connection connection) {
    this.version = (byte) version;
    this.flags = (byte) flags;
    this.streamId = streamId;
    this.opcode = (byte) opcode;
    this.body = body;
    this.connection = connection;
  }

  /** The one shared bare Void answer of a connection of that version. */
  static ResponseFrame bareVoid(ProtocolVersion version, Connection connection) {
    ResponseFrame answer = new ResponseFrame(version.code(), 0, 0, Opcodes.RESULT, null, connection);
    answer.message = VoidResult.INSTANCE;
    answer.frame = Frame.of(version, 0, VoidResult.INSTANCE);
    return answer;
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
    return opcode & 0xFF;
  }

  /**
   * Decodes the message; throws {@link ProtocolError} if the body is malformed, or a {@link
   * io.loomcql.error.ConnectionException} if it does not decompress.
   */
  public Frame decode() {
    return decode(null);
  }

  /**
   * Decodes the message into a whole frame, reusing {@code known} result columns when the answer
   * repeats them byte for byte (see {@link ColumnSpecCache}); throws as {@link #message}.
   */
  public Frame decode(ColumnSpecCache known) {
    Message decoded = message(known);
    if (frame == null) {
      frame = Frame.of(ProtocolVersion.fromCode(version), streamId, decoded);
    }
    return frame;
  }

  /**
   * Decodes the message (once: later calls return it again), reusing {@code known} result columns
   * when the answer repeats them byte for byte (see {@link ColumnSpecCache}); throws {@link
   * ProtocolError} if the body is malformed, or a {@link io.loomcql.error.ConnectionException} if it
   * does not decompress. {@link #warnings} and {@link #tracingId} are known once this returned.
   */
  public Message message(ColumnSpecCache known) {
    if (message != null) {
      return message;
    }
    ByteBuffer b = body; // consumed: each response is decoded once, by its caller
    int f = flags & 0xFF;
    if ((f & FrameHeader.FLAG_COMPRESSED) != 0 && version < 5) {
      b = connection.decompress(b);
      f &= ~FrameHeader.FLAG_COMPRESSED;
    }
    if (FrameCodec.hasPrelude(f)) {
      frame = FrameCodec.decodeBody(version, true, f, streamId, opcode(), b, known);
      message = frame.message();
    } else {
      message = FrameCodec.decodeResponseMessage(version, f, opcode(), b, known);
    }
    return message;
  }

  /** {@return the server's warnings, empty if none} Valid once {@link #message} returned. */
  public List<String> warnings() {
    return frame == null ? List.of() : frame.warnings();
  }

  /** {@return the trace's session id, or null if the request was not traced} Valid once {@link #message} returned. */
  public UUID tracingId() {
    return frame == null ? null : frame.tracingId();
  }
}
