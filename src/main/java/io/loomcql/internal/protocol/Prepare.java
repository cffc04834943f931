package io.loomcql.internal.protocol;

import io.loomcql.ProtocolVersion;
import java.nio.ByteBuffer;
import java.util.Objects;

/** PREPARE: a CQL string to prepare; v5 may name the keyspace it runs in. */
public record Prepare(String query, String keyspace) implements Request {
  private static final int WITH_KEYSPACE = 0x01;

  public Prepare {
    Objects.requireNonNull(query, "query");
  }

  @Override
  public int opcode() {
    return Opcodes.PREPARE;
  }

  public static final MessageCodec<Prepare> CODEC =
      new MessageCodec<>() {
        @Override
        public int opcode() {
          return Opcodes.PREPARE;
        }

        @Override
        public int encodedSize(Prepare message, ProtocolVersion version) {
          int size = Primitives.sizeOfLongString(message.query());
          if (version.code() >= 5) {
            size += 4 + (message.keyspace() == null ? 0 : Primitives.sizeOfString(message.keyspace()));
          }
          return size;
        }

        @Override
        public void encode(Prepare message, ByteBuffer out, ProtocolVersion version) {
          Primitives.writeLongString(message.query(), out);
          if (version.code() >= 5) {
            out.putInt(message.keyspace() == null ? 0 : WITH_KEYSPACE);
            if (message.keyspace() != null) {
              Primitives.writeString(message.keyspace(), out);
            }
          } else if (message.keyspace() != null) {
            throw new IllegalArgumentException("a keyspace on PREPARE needs protocol v5, not " + version);
          }
        }

        @Override
        public Prepare decode(ByteBuffer body, ProtocolVersion version) {
          String query = Primitives.readLongString(body);
          String keyspace = null;
          if (version.code() >= 5 && (Primitives.readInt(body) & WITH_KEYSPACE) != 0) {
            keyspace = Primitives.readString(body);
          }
          return new Prepare(query, keyspace);
        }
      };
}
