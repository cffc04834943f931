package io.loomcql.internal.protocol;

import io.loomcql.ProtocolVersion;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * EXECUTE: runs a prepared statement by id. {@code resultMetadataId} is sent on v5 only (the id
 * of the result metadata the client holds), else null.
 */
public record Execute(ByteBuffer id, ByteBuffer resultMetadataId, QueryOptions options) implements Request {
  public Execute {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(options, "options");
  }

  @Override
  public int opcode() {
    return Opcodes.EXECUTE;
  }

  public static final MessageCodec<Execute> CODEC =
      new MessageCodec<>() {
        @Override
        public int opcode() {
          return Opcodes.EXECUTE;
        }

        @Override
        public int encodedSize(Execute message, ProtocolVersion version) {
          int size = Primitives.sizeOfShortBytes(message.id());
          if (version.code() >= 5) {
            size += Primitives.sizeOfShortBytes(metadataId(message));
          }
          return size + message.options().encodedSize(version);
        }

        @Override
        public void encode(Execute message, ByteBuffer out, ProtocolVersion version) {
          Primitives.writeShortBytes(message.id(), out);
          if (version.code() >= 5) {
            Primitives.writeShortBytes(metadataId(message), out);
          }
          message.options().encode(out, version);
        }

        @Override
        public Execute decode(ByteBuffer body, ProtocolVersion version) {
          ByteBuffer id = Primitives.readShortBytes(body);
          ByteBuffer metadataId = version.code() >= 5 ? Primitives.readShortBytes(body) : null;
          return new Execute(id, metadataId, QueryOptions.decode(body, version));
        }
      };

  private static ByteBuffer metadataId(Execute message) {
    return message.resultMetadataId() == null ? EMPTY : message.resultMetadataId();
  }

  private static final ByteBuffer EMPTY = ByteBuffer.allocate(0).asReadOnlyBuffer();
}
