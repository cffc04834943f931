package io.loomcql.type;

import io.loomcql.internal.metadata.schema.CqlIdentifiers;
import java.util.List;
import java.util.Objects;

/**
 * A user-defined type: its keyspace, name, and fields in declaration order.
 *
 * @param keyspace the keyspace the type belongs to
 * @param name the type's name, as stored in the schema (unquoted)
 * @param fieldNames the field names, in declaration order; copied, unmodifiable
 * @param fieldTypes the type of each field, in the same order; copied, unmodifiable
 * @param frozen whether the type is written {@code frozen<...>}: the value is then one cell,
 *     written whole. Part of equality
 */
public record UserDefinedType(
    String keyspace, String name, List<String> fieldNames, List<DataType> fieldTypes, boolean frozen)
    implements DataType {
  /**
   * Checks and copies the parts.
   *
   * @param keyspace the keyspace the type belongs to
   * @param name the type's name
   * @param fieldNames the field names, in declaration order
   * @param fieldTypes the type of each field, in the same order
   * @param frozen whether the type is written {@code frozen<...>}
   * @throws NullPointerException if a part, a field name or a field type is null
   * @throws IllegalArgumentException if there are not as many names as types
   */
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
   * case (an exact match first).
   *
   * @param field the field's name, double-quoted to match case exactly
   * @return the position, from 0, or -1 when there is no such field
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

  /**
   * A value of this type with every field null; set fields with {@link UdtValue#with}.
   *
   * @return the empty value
   */
  public UdtValue newValue() {
    return UdtValue.empty(this);
  }

  /**
   * The type as CQL names it: {@code keyspace.name}, wrapped in {@code frozen<...>} if frozen. A
   * name that CQL would otherwise fold to lower case or read as a keyword is double-quoted, so
   * the result can be pasted into a statement.
   *
   * @return for example {@code frozen<shop.address>} or {@code shop."HomeAddress"}
   */
  @Override
  public String asCql() {
    return Frozen.wrap(CqlIdentifiers.qualified(keyspace, name), frozen);
  }
}
