package io.loomcql.internal.protocol;

import io.loomcql.ProtocolVersion;
import java.nio.ByteBuffer;

/** AUTH_RESPONSE: a SASL token answering AUTHENTICATE or AUTH_CHALLENGE. Never logged. */
public record AuthResponse(ByteBuffer token) implements Request {
  @Override
  public int opcode() {
    return Opcodes.AUTH_RESPONSE;
  }

  @Override
  public String toString() {
    return "AuthResponse[token=<" + (token == null ? "null" : token.remaining() + " bytes") + ">]";
  }

  public static final MessageCodec<AuthResponse> CODEC =
      new MessageCodec<>() {
        @Override
        public int opcode() {
          return Opcodes.AUTH_RESPONSE;
        }

        @Override
        public int encodedSize(AuthResponse message, ProtocolVersion version) {
          return Primitives.sizeOfBytes(message.token());
        }

        @Override
        public void encode(AuthResponse message, ByteBuffer out, ProtocolVersion version) {
          Primitives.writeBytes(message.token(), out);
        }

        @Override
        public AuthResponse decode(ByteBuffer body, ProtocolVersion version) {
          return new AuthResponse(Primitives.readBytes(body));
        }
      };
}
