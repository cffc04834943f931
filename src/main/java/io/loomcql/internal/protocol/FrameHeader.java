package io.loomcql.internal.protocol;

/**
 * The 9-byte header of a v3/v4 frame, already validated by {@link FrameCodec#decodeHeader}.
 *
 * @param response whether the direction bit says server to client
 */
public record FrameHeader(int version, boolean response, int flags, int streamId, int opcode, int bodyLength) {
  public static final int SIZE = 9;

  public static final int FLAG_COMPRESSED = 0x01;
  public static final int FLAG_TRACING = 0x02;
  public static final int FLAG_CUSTOM_PAYLOAD = 0x04;
  public static final int FLAG_WARNING = 0x08;
  public static final int FLAG_USE_BETA = 0x10;
}
