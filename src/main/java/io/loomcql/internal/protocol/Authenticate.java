package io.loomcql.internal.protocol;

import io.loomcql.ProtocolVersion;
import java.nio.ByteBuffer;

/** AUTHENTICATE: the server requires authentication with the named authenticator class. */
public record Authenticate(String authenticator) implements Response {
  @Override
  public int opcode() {
    return Opcodes.AUTHENTICATE;
  }

  public static final MessageCodec<Authenticate> CODEC =
      new MessageCodec<>() {
        @Override
        public int opcode() {
          return Opcodes.AUTHENTICATE;
        }

        @Override
        public int encodedSize(Authenticate message, ProtocolVersion version) {
          return Primitives.sizeOfString(message.authenticator());
        }

        @Override
        public void encode(Authenticate message, ByteBuffer out, ProtocolVersion version) {
          Primitives.writeString(message.authenticator(), out);
        }

        @Override
        public Authenticate decode(ByteBuffer body, ProtocolVersion version) {
          return new Authenticate(Primitives.readString(body));
        }
      };
}
