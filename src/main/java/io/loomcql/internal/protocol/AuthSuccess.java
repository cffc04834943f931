package io.loomcql.internal.protocol;

import io.loomcql.ProtocolVersion;
import java.nio.ByteBuffer;

/** AUTH_SUCCESS: a SASL token from the server (may be null). Never logged. */
public record AuthSuccess(ByteBuffer token) implements Response {
  @Override
  public int opcode() {
    return Opcodes.AUTH_SUCCESS;
  }

  @Override
  public String toString() {
    return "AuthSuccess[token=<" + (token == null ? "null" : token.remaining() + " bytes") + ">]";
  }

  public static final MessageCodec<AuthSuccess> CODEC =
      new MessageCodec<>() {
        @Override
        public int opcode() {
          return Opcodes.AUTH_SUCCESS;
        }

        @Override
        public int encodedSize(AuthSuccess message, ProtocolVersion version) {
          return Primitives.sizeOfBytes(message.token());
        }

        @Override
        public void encode(AuthSuccess message, ByteBuffer out, ProtocolVersion version) {
          Primitives.writeBytes(message.token(), out);
        }

        @Override
        public AuthSuccess decode(ByteBuffer body, ProtocolVersion version) {
          return new AuthSuccess(Primitives.readBytes(body));
        }
      };
}
