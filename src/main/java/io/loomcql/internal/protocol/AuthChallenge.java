package io.loomcql.internal.protocol;

import io.loomcql.ProtocolVersion;
import java.nio.ByteBuffer;

/** AUTH_CHALLENGE: a SASL token from the server (may be null). Never logged. */
public record AuthChallenge(ByteBuffer token) implements Response {
  @Override
  public int opcode() {
    return Opcodes.AUTH_CHALLENGE;
  }

  @Override
  public String toString() {
    return "AuthChallenge[token=<" + (token == null ? "null" : token.remaining() + " bytes") + ">]";
  }

  public static final MessageCodec<AuthChallenge> CODEC =
      new MessageCodec<>() {
        @Override
        public int opcode() {
          return Opcodes.AUTH_CHALLENGE;
        }

        @Override
        public int encodedSize(AuthChallenge message, ProtocolVersion version) {
          return Primitives.sizeOfBytes(message.token());
        }

        @Override
        public void encode(AuthChallenge message, ByteBuffer out, ProtocolVersion version) {
          Primitives.writeBytes(message.token(), out);
        }

        @Override
        public AuthChallenge decode(ByteBuffer body, ProtocolVersion version) {
          return new AuthChallenge(Primitives.readBytes(body));
        }
      };
}
