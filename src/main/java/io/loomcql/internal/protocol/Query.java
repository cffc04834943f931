package io.loomcql.internal.protocol;

import io.loomcql.ProtocolVersion;
import java.nio.ByteBuffer;
import java.util.Objects;

/** QUERY: a CQL string with its parameters. */
public record Query(String query, QueryOptions options) implements Request {
  public Query {
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(options, "options");
  }

  @Override
  public int opcode() {
    return Opcodes.QUERY;
  }

  public static final MessageCodec<Query> CODEC =
      new MessageCodec<>() {
        @Override
        public int opcode() {
          return Opcodes.QUERY;
        }

        @Override
        public int encodedSize(Query message, ProtocolVersion version) {
          return Primitives.sizeOfLongString(message.query()) + message.options().encodedSize(version);
        }

        @Override
        public void encode(Query message, ByteBuffer out, ProtocolVersion version) {
          Primitives.writeLongString(message.query(), out);
          message.options().encode(out, version);
        }

        @Override
        public Query decode(ByteBuffer body, ProtocolVersion version) {
          String query = Primitives.readLongString(body);
          return new Query(query, QueryOptions.decode(body, version));
        }
      };
}
