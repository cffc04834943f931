package io.loomcql.metadata;

import io.loomcql.type.DataType;
import io.loomcql.type.UserDefinedType;
import java.util.List;

/** A user-defined type of a keyspace. Immutable. */
public interface UserTypeMetadata {
  /** {@return the keyspace that defines the type} */
  String keyspace();

  /** {@return the type's name as stored: case-sensitive, never quoted} */
  String name();

  /** {@return the field names in declaration order, as stored; unmodifiable} */
  List<String> fieldNames();

  /** {@return the field types, in the order of {@link #fieldNames()}; unmodifiable} */
  List<DataType> fieldTypes();

  /**
   * The {@link UserDefinedType} this metadata denotes, for codecs and values.
   *
   * @return the type, not frozen
   */
  UserDefinedType dataType();

  /**
   * The {@code CREATE TYPE} statement that recreates the type.
   *
   * @return the CQL, with fully qualified names and a final {@code ;}
   */
  String describe();
}
