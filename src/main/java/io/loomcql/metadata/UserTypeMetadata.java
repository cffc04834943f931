package io.loomcql.metadata;

import io.loomcql.type.DataType;
import io.loomcql.type.UserDefinedType;
import java.util.List;

/** A user-defined type of a keyspace. Immutable. */
public interface UserTypeMetadata {
  /** The keyspace that defines the type. */
  String keyspace();

  /** The type's name as stored: case-sensitive, never quoted. */
  String name();

  /** The field names in declaration order, as stored. */
  List<String> fieldNames();

  /** The field types, in the order of {@link #fieldNames()}. */
  List<DataType> fieldTypes();

  /** The (not frozen) {@link UserDefinedType} this metadata denotes, for codecs and values. */
  UserDefinedType dataType();

  /** {@code CREATE TYPE}. */
  String describe();
}
