package io.loomcql.internal.protocol;

import io.loomcql.ProtocolVersion;
import java.nio.ByteBuffer;
import java.util.List;

/** REGISTER: subscribes the connection to server events (TOPOLOGY_CHANGE, ...). */
public record Register(List<String> eventTypes) implements Request {
  public Register {
    eventTypes = List.copyOf(eventTypes);
  }

  @Override
  public int opcode() {
    return Opcodes.REGISTER;
  }

  public static final MessageCodec<Register> CODEC =
      new MessageCodec<>() {
        @Override
        public int opcode() {
          return Opcodes.REGISTER;
        }

        @Override
        public int encodedSize(Register message, ProtocolVersion version) {
          return Primitives.sizeOfStringList(message.eventTypes());
        }

        @Override
        public void encode(Register message, ByteBuffer out, ProtocolVersion version) {
          Primitives.writeStringList(message.eventTypes(), out);
        }

        @Override
        public Register decode(ByteBuffer body, ProtocolVersion version) {
          return new Register(Primitives.readStringList(body));
        }
      };
}
