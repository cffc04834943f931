package io.loomcql.internal.protocol;

import io.loomcql.ColumnDefinition;
import io.loomcql.ProtocolVersion;
import io.loomcql.error.ProtocolError;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The bind markers of a prepared statement (the {@code <metadata>} of a Prepared result), with the
 * marker index of each partition-key column (v4+; empty on v3 or when a key column is not bound).
 */
public record PreparedMetadata(List<ColumnDefinition> variables, List<Integer> partitionKeyIndices) {
  private static final int GLOBAL_TABLES_SPEC = 0x0001;

  public PreparedMetadata {
    variables = List.copyOf(variables);
    partitionKeyIndices = List.copyOf(partitionKeyIndices);
  }

  int encodedSize(ProtocolVersion version) {
    int size = 4 + 4;
    if (version.code() >= 4) {
      size += 4 + 2 * partitionKeyIndices.size();
    }
    boolean global = isGlobal();
    if (global) {
      size += Primitives.sizeOfString(variables.get(0).keyspace()) + Primitives.sizeOfString(variables.get(0).table());
    }
    for (ColumnDefinition variable : variables) {
      if (!global) {
        size += Primitives.sizeOfString(variable.keyspace()) + Primitives.sizeOfString(variable.table());
      }
      size += Primitives.sizeOfString(variable.name()) + DataTypeCodec.encodedSize(variable.type(), version);
    }
    return size;
  }

  void encode(ByteBuffer out, ProtocolVersion version) {
    boolean global = isGlobal();
    out.putInt(global ? GLOBAL_TABLES_SPEC : 0);
    out.putInt(variables.size());
    if (version.code() >= 4) {
      out.putInt(partitionKeyIndices.size());
      for (int index : partitionKeyIndices) {
        out.putShort((short) index);
      }
    }
    if (global) {
      Primitives.writeString(variables.get(0).keyspace(), out);
      Primitives.writeString(variables.get(0).table(), out);
    }
    for (ColumnDefinition variable : variables) {
      if (!global) {
        Primitives.writeString(variable.keyspace(), out);
        Primitives.writeString(variable.table(), out);
      }
      Primitives.writeString(variable.name(), out);
      DataTypeCodec.encode(variable.type(), out, version);
    }
  }

  static PreparedMetadata decode(ByteBuffer in, ProtocolVersion version) {
    int flags = Primitives.readInt(in);
    int count = Primitives.readInt(in);
    if (count < 0) {
      throw new ProtocolError("negative bind marker count " + count);
    }
    List<Integer> keyIndices = List.of();
    if (version.code() >= 4) {
      int keys = Primitives.readInt(in);
      if (keys < 0) {
        throw new ProtocolError("negative partition key count " + keys);
      }
      Primitives.need(in, 2L * keys, keys + " partition key indices");
      List<Integer> indices = new ArrayList<>(keys);
      for (int i = 0; i < keys; i++) {
        indices.add(Primitives.readUnsignedShort(in));
      }
      keyIndices = indices;
    }
    boolean global = (flags & GLOBAL_TABLES_SPEC) != 0;
    String keyspace = global ? Primitives.readString(in) : null;
    String table = global ? Primitives.readString(in) : null;
    Primitives.need(in, 4L * count, count + " bind markers");
    List<ColumnDefinition> variables = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String ks = global ? keyspace : Primitives.readString(in);
      String tb = global ? table : Primitives.readString(in);
      variables.add(new ColumnDefinition(ks, tb, Primitives.readString(in), DataTypeCodec.decode(in, version)));
    }
    return new PreparedMetadata(Collections.unmodifiableList(variables), keyIndices);
  }

  private boolean isGlobal() {
    if (variables.isEmpty()) {
      return false;
    }
    String keyspace = variables.get(0).keyspace();
    String table = variables.get(0).table();
    if (keyspace == null || table == null) {
      return false;
    }
    for (ColumnDefinition variable : variables) {
      if (!keyspace.equals(variable.keyspace()) || !table.equals(variable.table())) {
        return false;
      }
    }
    return true;
  }
}
