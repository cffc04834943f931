package io.loomcql.internal.protocol;

import io.loomcql.ProtocolVersion;
import java.nio.ByteBuffer;

/** READY: the connection is ready for queries. Empty body. */
public record Ready() implements Response {
  public static final Ready INSTANCE = new Ready();

  @Override
  public int opcode() {
    return Opcodes.READY;
  }

  public static final MessageCodec<Ready> CODEC =
      new MessageCodec<>() {
        @Override
        public int opcode() {
          return Opcodes.READY;
        }

        @Override
        public int encodedSize(Ready message, ProtocolVersion version) {
          return 0;
        }

        @Override
        public void encode(Ready message, ByteBuffer out, ProtocolVersion version) {}

        @Override
        public Ready decode(ByteBuffer body, ProtocolVersion version) {
          return INSTANCE;
        }
      };
}
