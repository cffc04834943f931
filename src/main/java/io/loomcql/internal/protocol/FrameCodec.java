package io.loomcql.internal.protocol;

import io.loomcql.ProtocolVersion;
import io.loomcql.error.ProtocolError;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Encodes and decodes v3/v4 frames (header section 2, body layout section 4). Pure functions over
 * buffers: no sockets and no threads, so the same code runs in the driver and in test servers.
 */
public final class FrameCodec {
  /** Cassandra's default {@code native_transport_max_frame_size} is 16 MiB; we accept up to 256 MiB. */
  public static final int DEFAULT_MAX_BODY_LENGTH = 256 * 1024 * 1024;

  private FrameCodec() {}

  /**
   * Initializes every message class now. Called when a connection opens, so that no request ever
   * triggers a class initialization: hundreds of virtual threads meeting an uninitialized class at
   * once wait for it pinned to their carriers.
   */
  public static void initializeMessageClasses() {
    if (messageClassesInitialized) {
      return; // racy on purpose: initializing twice is harmless
    }
    for (Class<?> type : MESSAGE_CLASSES) {
      try {
        Class.forName(type.getName(), true, type.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException("cannot initialize " + type.getName(), e);
      }
    }
    messageClassesInitialized = true;
  }

  private static volatile boolean messageClassesInitialized;

  private static final List<Class<?>> MESSAGE_CLASSES = List.of(
      Startup.class, AuthResponse.class, Options.class, Query.class, Prepare.class, Execute.class, Batch.class,
      Batch.Child.class, Register.class, QueryOptions.class, ErrorResponse.class, ErrorDetails.class, Ready.class,
      Authenticate.class, Supported.class, Result.class, VoidResult.class, RowsResult.class, RowsMetadata.class,
      SetKeyspaceResult.class, PreparedResult.class, PreparedMetadata.class, SchemaChangeResult.class, Event.class,
      AuthChallenge.class, AuthSuccess.class, Frame.class, FrameHeader.class, DataTypeCodec.class, Primitives.class);

  /** Bytes {@link #encode} writes for this frame, header included. */
  public static int encodedSize(Frame frame) {
    int size = FrameHeader.SIZE;
    if (frame.tracingId() != null) {
      size += 16;
    }
    if (!frame.warnings().isEmpty()) {
      size += Primitives.sizeOfStringList(frame.warnings());
    }
    if (!frame.customPayload().isEmpty()) {
      size += Primitives.sizeOfBytesMap(frame.customPayload());
    }
    return size + bodySize(frame.message(), frame.version());
  }

  /**
   * Bytes {@link #encodeRequest} writes, header included: the request-frame form of {@link
   * #encodedSize(Frame)}, for a sender that keeps the parts rather than a {@link Frame}.
   */
  public static int encodedRequestSize(ProtocolVersion version, Map<String, ByteBuffer> customPayload, Request message) {
    int size = FrameHeader.SIZE;
    if (!customPayload.isEmpty()) {
      size += Primitives.sizeOfBytesMap(customPayload);
    }
    return size + bodySize(message, version);
  }

  /** Writes a request frame at the buffer's position, as {@link #encode} would for the same {@link Frame}. */
  public static void encodeRequest(
      ProtocolVersion version, int streamId, boolean tracing, Map<String, ByteBuffer> customPayload, Request message,
      ByteBuffer out) {
    int flags = tracing ? FrameHeader.FLAG_TRACING : 0;
    if (!customPayload.isEmpty()) {
      flags |= FrameHeader.FLAG_CUSTOM_PAYLOAD;
    }
    int bodyStart = out.position() + FrameHeader.SIZE;
    out.put((byte) version.code());
    out.put((byte) flags);
    out.putShort((short) streamId);
    out.put((byte) message.opcode());
    out.putInt(0); // patched below once the body is written
    if (!customPayload.isEmpty()) {
      Primitives.writeBytesMap(customPayload, out);
    }
    encodeMessage(message, out, version);
    out.putInt(bodyStart - 4, out.position() - bodyStart);
  }

  /** Writes the frame at the buffer's position; the buffer needs {@link #encodedSize} bytes free. */
  public static void encode(Frame frame, ByteBuffer out) {
    ProtocolVersion version = frame.version();
    int flags = 0;
    if (frame.tracing() || frame.tracingId() != null) {
      flags |= FrameHeader.FLAG_TRACING;
    }
    if (!frame.customPayload().isEmpty()) {
      flags |= FrameHeader.FLAG_CUSTOM_PAYLOAD;
    }
    if (!frame.warnings().isEmpty()) {
      flags |= FrameHeader.FLAG_WARNING;
    }
    int bodyStart = out.position() + FrameHeader.SIZE;
    out.put((byte) (frame.isResponse() ? 0x80 | version.code() : version.code()));
    out.put((byte) flags);
    out.putShort((short) frame.streamId());
    out.put((byte) frame.message().opcode());
    out.putInt(0); // patched below once the body is written
    if (frame.tracingId() != null) {
      Primitives.writeUuid(frame.tracingId(), out);
    }
    if (!frame.warnings().isEmpty()) {
      Primitives.writeStringList(frame.warnings(), out);
    }
    if (!frame.customPayload().isEmpty()) {
      Primitives.writeBytesMap(frame.customPayload(), out);
    }
    encodeMessage(frame.message(), out, version);
    out.putInt(bodyStart - 4, out.position() - bodyStart);
  }

  /**
   * Reads and checks a header. Rejects a wrong direction, a version other than {@code expected}
   * (when given), an unknown opcode or a length outside {@code [0, maxBodyLength]}, all before
   * anything is allocated for the body.
   */
  public static FrameHeader decodeHeader(
      ByteBuffer in, boolean expectResponse, ProtocolVersion expected, int maxBodyLength) {
    int at = in.position();
    int length = checkHeader(in, at, expectResponse, expected, maxBodyLength);
    in.position(at + FrameHeader.SIZE);
    return new FrameHeader(version(in, at), (in.get(at) & 0x80) != 0, flags(in, at), streamId(in, at),
        opcode(in, at), length);
  }

  /**
   * Checks the header at {@code at} as {@link #decodeHeader} does, without moving the buffer or
   * allocating anything (for a reader that takes the fields with {@link #version} and the
   * others).
   *
   * @return the body length
   */
  public static int checkHeader(
      ByteBuffer in, int at, boolean expectResponse, ProtocolVersion expected, int maxBodyLength) {
    if (in.limit() - at < FrameHeader.SIZE) {
      throw new ProtocolError("truncated frame header: needs " + FrameHeader.SIZE + " bytes, " + (in.limit() - at)
          + " remain");
    }
    int versionByte = in.get(at) & 0xFF;
    int opcode = opcode(in, at);
    int length = in.getInt(at + 5);
    boolean response = (versionByte & 0x80) != 0;
    int version = versionByte & 0x7F;
    if (response != expectResponse) {
      throw new ProtocolError("frame in the wrong direction (version byte 0x" + Integer.toHexString(versionByte) + ")");
    }
    if (expected != null && version != expected.code()) {
      throw new ProtocolError("frame of protocol v" + version + " on a v" + expected.code() + " connection");
    }
    if (opcode > Opcodes.AUTH_SUCCESS) {
      throw new ProtocolError("unknown opcode 0x" + Integer.toHexString(opcode));
    }
    if (length < 0 || length > maxBodyLength) {
      throw new ProtocolError("frame body length " + length + " outside [0, " + maxBodyLength + "]");
    }
    return length;
  }

  /** The protocol version of the header at {@code at} (direction bit cleared). */
  public static int version(ByteBuffer in, int at) {
    return in.get(at) & 0x7F;
  }

  /** The flags of the header at {@code at}. */
  public static int flags(ByteBuffer in, int at) {
    return in.get(at + 1) & 0xFF;
  }

  /** The stream id of the header at {@code at}. */
  public static int streamId(ByteBuffer in, int at) {
    return in.getShort(at + 2);
  }

  /** The opcode of the header at {@code at}. */
  public static int opcode(ByteBuffer in, int at) {
    return in.get(at + 4) & 0xFF;
  }

  /** Decodes a whole frame (header and body) from the buffer. */
  public static Frame decode(ByteBuffer in, boolean expectResponse, int maxBodyLength) {
    FrameHeader header = decodeHeader(in, expectResponse, null, maxBodyLength);
    Primitives.need(in, header.bodyLength(), "frame body");
    ByteBuffer body = in.slice(in.position(), header.bodyLength());
    in.position(in.position() + header.bodyLength());
    return decodeBody(header, body);
  }

  /** Decodes the body of a frame whose header was read already; the body must be complete. */
  public static Frame decodeBody(FrameHeader header, ByteBuffer body) {
    return decodeBody(header, body, null);
  }

  /**
   * Decodes the body of a frame whose header was read already; the body must be complete.
   *
   * @param known for the answer to an EXECUTE: the statement's result columns as last decoded,
   *     reused when the bytes match; null otherwise
   */
  public static Frame decodeBody(FrameHeader header, ByteBuffer body, ColumnSpecCache known) {
    return decodeBody(header.version(), header.response(), header.flags(), header.streamId(), header.opcode(), body,
        known);
  }

  /** {@link #decodeBody(FrameHeader, ByteBuffer, ColumnSpecCache)} with the header's fields given one by one. */
  public static Frame decodeBody(
      int versionCode, boolean response, int flags, int streamId, int opcode, ByteBuffer body,
      ColumnSpecCache known) {
    ProtocolVersion version = bodyVersion(versionCode, flags);
    UUID tracingId = null;
    if ((flags & FrameHeader.FLAG_TRACING) != 0 && response) {
      tracingId = Primitives.readUuid(body);
    }
    List<String> warnings = List.of();
    if ((flags & FrameHeader.FLAG_WARNING) != 0) {
      warnings = Primitives.readStringList(body);
    }
    Map<String, ByteBuffer> payload = Map.of();
    if ((flags & FrameHeader.FLAG_CUSTOM_PAYLOAD) != 0) {
      payload = Primitives.readBytesMap(body);
    }
    Message message = wholeMessage(version, response, opcode, body, known);
    boolean tracing = (flags & FrameHeader.FLAG_TRACING) != 0;
    return new Frame(version, streamId, tracing, tracingId, warnings, payload, message);
  }

  /**
   * Whether a response body with these flags starts with something before its message: a tracing
   * id, warnings or a custom payload. Only such a body needs a whole {@link Frame}.
   */
  public static boolean hasPrelude(int flags) {
    return (flags & (FrameHeader.FLAG_TRACING | FrameHeader.FLAG_WARNING | FrameHeader.FLAG_CUSTOM_PAYLOAD)) != 0;
  }

  /**
   * Decodes the message of a response body without a prelude (see {@link #hasPrelude}), so no
   * {@link Frame} is made for it; the body must be complete.
   *
   * @param known as for {@link #decodeBody(FrameHeader, ByteBuffer, ColumnSpecCache)}
   * @throws IllegalArgumentException if the flags say the body has a prelude
   */
  public static Message decodeResponseMessage(
      int versionCode, int flags, int opcode, ByteBuffer body, ColumnSpecCache known) {
    if (hasPrelude(flags)) {
      throw new IllegalArgumentException("flags 0x" + Integer.toHexString(flags) + " put a prelude before the message");
    }
    return wholeMessage(bodyVersion(versionCode, flags), true, opcode, body, known);
  }

  private static ProtocolVersion bodyVersion(int versionCode, int flags) {
    ProtocolVersion version = ProtocolVersion.fromCode(versionCode);
    if (version == null) {
      throw new ProtocolError("unsupported protocol version " + versionCode);
    }
    // v5 compresses whole segments; the envelope flag means nothing there.
    if ((flags & FrameHeader.FLAG_COMPRESSED) != 0 && version.code() < 5) {
      throw new ProtocolError("compressed frame body that was not decompressed");
    }
    return version;
  }

  /** The message that fills the rest of the body. */
  private static Message wholeMessage(
      ProtocolVersion version, boolean response, int opcode, ByteBuffer body, ColumnSpecCache known) {
    Message message = known != null && response && opcode == Opcodes.RESULT
        ? Result.decode(body, version, known)
        : decodeMessage(opcode, response, body, version);
    checkConsumed(message, body, opcode);
    return message;
  }

  /**
   * Throws if bytes follow the message in its body. Rows check that themselves: they keep the rest
   * of the body as their content.
   */
  private static void checkConsumed(Message message, ByteBuffer body, int opcode) {
    if (!(message instanceof RowsResult) && body.hasRemaining()) {
      throw new ProtocolError(
          body.remaining() + " unread bytes after a message of opcode 0x" + Integer.toHexString(opcode));
    }
  }

  static int bodySize(Message message, ProtocolVersion version) {
    return switch (message) {
      case Startup m -> Startup.CODEC.encodedSize(m, version);
      case AuthResponse m -> AuthResponse.CODEC.encodedSize(m, version);
      case Options m -> Options.CODEC.encodedSize(m, version);
      case Query m -> Query.CODEC.encodedSize(m, version);
      case Prepare m -> Prepare.CODEC.encodedSize(m, version);
      case Execute m -> Execute.CODEC.encodedSize(m, version);
      case Batch m -> Batch.CODEC.encodedSize(m, version);
      case Event m -> Event.CODEC.encodedSize(m, version);
      case Register m -> Register.CODEC.encodedSize(m, version);
      case ErrorResponse m -> ErrorResponse.CODEC.encodedSize(m, version);
      case Ready m -> Ready.CODEC.encodedSize(m, version);
      case Authenticate m -> Authenticate.CODEC.encodedSize(m, version);
      case Supported m -> Supported.CODEC.encodedSize(m, version);
      case Result m -> Result.CODEC.encodedSize(m, version);
      case AuthChallenge m -> AuthChallenge.CODEC.encodedSize(m, version);
      case AuthSuccess m -> AuthSuccess.CODEC.encodedSize(m, version);
    };
  }

  static void encodeMessage(Message message, ByteBuffer out, ProtocolVersion version) {
    switch (message) {
      case Startup m -> Startup.CODEC.encode(m, out, version);
      case AuthResponse m -> AuthResponse.CODEC.encode(m, out, version);
      case Options m -> Options.CODEC.encode(m, out, version);
      case Query m -> Query.CODEC.encode(m, out, version);
      case Prepare m -> Prepare.CODEC.encode(m, out, version);
      case Execute m -> Execute.CODEC.encode(m, out, version);
      case Batch m -> Batch.CODEC.encode(m, out, version);
      case Event m -> Event.CODEC.encode(m, out, version);
      case Register m -> Register.CODEC.encode(m, out, version);
      case ErrorResponse m -> ErrorResponse.CODEC.encode(m, out, version);
      case Ready m -> Ready.CODEC.encode(m, out, version);
      case Authenticate m -> Authenticate.CODEC.encode(m, out, version);
      case Supported m -> Supported.CODEC.encode(m, out, version);
      case Result m -> Result.CODEC.encode(m, out, version);
      case AuthChallenge m -> AuthChallenge.CODEC.encode(m, out, version);
      case AuthSuccess m -> AuthSuccess.CODEC.encode(m, out, version);
    }
  }

  static Message decodeMessage(int opcode, boolean response, ByteBuffer body, ProtocolVersion version) {
    MessageCodec<? extends Message> codec = response ? responseCodec(opcode) : requestCodec(opcode);
    if (codec == null) {
      throw new ProtocolError(
          "opcode 0x" + Integer.toHexString(opcode) + " is not a " + (response ? "response" : "request"));
    }
    return codec.decode(body, version);
  }

  private static MessageCodec<? extends Message> requestCodec(int opcode) {
    return switch (opcode) {
      case Opcodes.STARTUP -> Startup.CODEC;
      case Opcodes.AUTH_RESPONSE -> AuthResponse.CODEC;
      case Opcodes.OPTIONS -> Options.CODEC;
      case Opcodes.QUERY -> Query.CODEC;
      case Opcodes.PREPARE -> Prepare.CODEC;
      case Opcodes.EXECUTE -> Execute.CODEC;
      case Opcodes.BATCH -> Batch.CODEC;
      case Opcodes.REGISTER -> Register.CODEC;
      default -> null;
    };
  }

  private static MessageCodec<? extends Message> responseCodec(int opcode) {
    return switch (opcode) {
      case Opcodes.ERROR -> ErrorResponse.CODEC;
      case Opcodes.READY -> Ready.CODEC;
      case Opcodes.AUTHENTICATE -> Authenticate.CODEC;
      case Opcodes.SUPPORTED -> Supported.CODEC;
      case Opcodes.RESULT -> Result.CODEC;
      case Opcodes.EVENT -> Event.CODEC;
      case Opcodes.AUTH_CHALLENGE -> AuthChallenge.CODEC;
      case Opcodes.AUTH_SUCCESS -> AuthSuccess.CODEC;
      default -> null;
    };
  }
}
