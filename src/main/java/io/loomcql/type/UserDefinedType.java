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

  /**
   * The position of a field, named as in CQL: double-quoted names match exactly, others ignoring
   * case; -1 when there is no such field.
   */
  public int indexOf(String field) {
    if (field.length() >= 2 && field.startsWith("\"") && field.endsWith("\"")) {
      return fieldNames.indexOf(field.substring(1, field.length() - 1).replace("\"\"", "\""));
    }
    int exact = fieldNames.indexOf(field);
    if (exact >= 0) {
      return exact;
    }
    for (int i = 0; i < fieldNames.size(); i++) {
      if (fieldNames.get(i).equalsIgnoreCase(field)) {
        return i;
      }
    }
    return -1;
  }

  /** A value of this type with every field null; set fields with {@link UdtValue#with}. */
  public UdtValue newValue() {
    return UdtValue.empty(this);
  }

  @Override
  public String asCql() {
    return Frozen.wrap(keyspace + "." + name, frozen);
  }
}
