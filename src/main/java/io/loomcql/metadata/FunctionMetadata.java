package io.loomcql.metadata;

import io.loomcql.type.DataType;
import java.util.List;

/** A user-defined function. Immutable. */
public interface FunctionMetadata {
  /** {@return the keyspace that defines the function} */
  String keyspace();

  /** {@return the function's name as stored: case-sensitive, never quoted} Overloads share it. */
  String name();

  /**
   * The name with its argument types, which tells overloads apart, for example {@code plus(int,
   * int)}: the key of {@link KeyspaceMetadata#functions()}.
   *
   * @return the signature, types separated by a comma and a space
   */
  String signature();

  /** {@return the argument names, in order, as stored; unmodifiable} */
  List<String> argumentNames();

  /** {@return the argument types, in order; unmodifiable} */
  List<DataType> argumentTypes();

  /** {@return the type of the result ({@code RETURNS})} */
  DataType returnType();

  /** {@return the implementation language, as stored} It is {@code java} on Cassandra 5. */
  String language();

  /** {@return the function's source code, as stored} */
  String body();

  /**
   * Whether the function runs when an argument is null.
   *
   * @return {@code true} for {@code CALLED ON NULL INPUT}, {@code false} for {@code RETURNS NULL ON
   *     NULL INPUT}
   */
  boolean calledOnNullInput();

  /**
   * The {@code CREATE FUNCTION} statement that recreates the function.
   *
   * @return the CQL, with fully qualified names and a final {@code ;}
   */
  String describe();
}
