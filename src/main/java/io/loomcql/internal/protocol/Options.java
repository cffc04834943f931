package io.loomcql.internal.protocol;

import io.loomcql.ProtocolVersion;
import java.nio.ByteBuffer;

/** OPTIONS: asks which STARTUP options the server supports; also the heartbeat. Empty body. */
public record Options() implements Request {
  public static final Options INSTANCE = new Options();

  @Override
  public int opcode() {
    return Opcodes.OPTIONS;
  }

  public static final MessageCodec<Options> CODEC =
      new MessageCodec<>() {
        @Override
        public int opcode() {
          return Opcodes.OPTIONS;
        }

        @Override
        public int encodedSize(Options message, ProtocolVersion version) {
          return 0;
        }

        @Override
        public void encode(Options message, ByteBuffer out, ProtocolVersion version) {}

        @Override
        public Options decode(ByteBuffer body, ProtocolVersion version) {
          return INSTANCE;
        }
      };
}
