package io.loomcql.internal.protocol;

import io.loomcql.ProtocolVersion;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

/** SUPPORTED: the STARTUP options the server accepts, each with its possible values. */
public record Supported(Map<String, List<String>> options) implements Response {
  public Supported {
    options = Map.copyOf(options);
  }

  @Override
  public int opcode() {
    return Opcodes.SUPPORTED;
  }

  public static final MessageCodec<Supported> CODEC =
      new MessageCodec<>() {
        @Override
        public int opcode() {
          return Opcodes.SUPPORTED;
        }

        @Override
        public int encodedSize(Supported message, ProtocolVersion version) {
          return Primitives.sizeOfStringMultimap(message.options());
        }

        @Override
        public void encode(Supported message, ByteBuffer out, ProtocolVersion version) {
          Primitives.writeStringMultimap(message.options(), out);
        }

        @Override
        public Supported decode(ByteBuffer body, ProtocolVersion version) {
          return new Supported(Primitives.readStringMultimap(body));
        }
      };
}
