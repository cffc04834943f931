package io.loomcql.internal.protocol;

import io.loomcql.error.ProtocolError;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * RESULT Schema_change (and the body of a SCHEMA_CHANGE event): what changed and where.
 *
 * @param changeType CREATED, UPDATED or DROPPED
 * @param target KEYSPACE, TABLE, TYPE, FUNCTION or AGGREGATE
 * @param name the table, type, function or aggregate; null for a keyspace change
 * @param argumentTypes the argument types of a function or aggregate, else empty
 */
public record SchemaChangeResult(
    String changeType, String target, String keyspace, String name, List<String> argumentTypes) implements Result {

  public SchemaChangeResult {
    argumentTypes = argumentTypes == null ? List.of() : List.copyOf(argumentTypes);
  }

  int bodySize() {
    int size = Primitives.sizeOfString(changeType) + Primitives.sizeOfString(target) + Primitives.sizeOfString(keyspace);
    return switch (target) {
      case "KEYSPACE" -> size;
      case "TABLE", "TYPE" -> size + Primitives.sizeOfString(name);
      default -> size + Primitives.sizeOfString(name) + Primitives.sizeOfStringList(argumentTypes);
    };
  }

  void encodeBody(ByteBuffer out) {
    Primitives.writeString(changeType, out);
    Primitives.writeString(target, out);
    Primitives.writeString(keyspace, out);
    switch (target) {
      case "KEYSPACE" -> {}
      case "TABLE", "TYPE" -> Primitives.writeString(name, out);
      default -> {
        Primitives.writeString(name, out);
        Primitives.writeStringList(argumentTypes, out);
      }
    }
  }

  static SchemaChangeResult decodeBody(ByteBuffer in) {
    String changeType = Primitives.readString(in);
    String target = Primitives.readString(in);
    String keyspace = Primitives.readString(in);
    return switch (target) {
      case "KEYSPACE" -> new SchemaChangeResult(changeType, target, keyspace, null, List.of());
      case "TABLE", "TYPE" -> new SchemaChangeResult(changeType, target, keyspace, Primitives.readString(in), List.of());
      case "FUNCTION", "AGGREGATE" ->
          new SchemaChangeResult(changeType, target, keyspace, Primitives.readString(in), Primitives.readStringList(in));
      default -> throw new ProtocolError("unknown schema change target '" + target + "'");
    };
  }
}
