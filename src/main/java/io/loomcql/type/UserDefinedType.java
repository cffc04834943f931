package io.loomcql.type;

import java.util.List;
import java.util.Objects;

/** A user-defined type: its keyspace, name, and fields in declaration order. */
public record UserDefinedType(
    String keyspace, String name, List<String> fieldNames, List<DataType> fieldTypes, boolean frozen)
    implements DataType {
  public UserDefinedType {
    Objects.requireNonNull(keyspace, "keyspace");
    Objects.requireNonNull(name, "name");
    fieldNames = List.copyOf(fieldNames);
    fieldTypes = List.copyOf(fieldTypes);
    if (fieldNames.size() != fieldTypes.size()) {
      throw new IllegalArgumentException(
          "UDT " + keyspace + "." + name + " has " + fieldNames.size() + " field names but " + fieldTypes.size() + " types");
    }
  }

  @Override
  public String asCql() {
    return Frozen.wrap(keyspace + "." + name, frozen);
  }
}
