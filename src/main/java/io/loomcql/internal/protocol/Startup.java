package io.loomcql.internal.protocol;

import io.loomcql.ProtocolVersion;
import java.nio.ByteBuffer;
import java.util.Map;

/** STARTUP: the first request on a connection, with CQL_VERSION and optional COMPRESSION. */
public record Startup(Map<String, String> options) implements Request {
  public Startup {
    options = Map.copyOf(options);
  }

  @Override
  public int opcode() {
    return Opcodes.STARTUP;
  }

  public static final MessageCodec<Startup> CODEC =
      new MessageCodec<>() {
        @Override
        public int opcode() {
          return Opcodes.STARTUP;
        }

        @Override
        public int encodedSize(Startup message, ProtocolVersion version) {
          return Primitives.sizeOfStringMap(message.options());
        }

        @Override
        public void encode(Startup message, ByteBuffer out, ProtocolVersion version) {
          Primitives.writeStringMap(message.options(), out);
        }

        @Override
        public Startup decode(ByteBuffer body, ProtocolVersion version) {
          return new Startup(Primitives.readStringMap(body));
        }
      };
}
