package io.loomcql.metadata;

import io.loomcql.type.DataType;
import java.util.List;

/** A user-defined function. Immutable. */
public interface FunctionMetadata {
  /** The keyspace that defines the function. */
  String keyspace();

  /** The function's name as stored (overloads share it). */
  String name();

  /**
   * The name with its argument types, which tells overloads apart, for example {@code plus(int,
   * int)}: the key of {@link KeyspaceMetadata#functions()}.
   */
  String signature();

  /** The argument names, in order, as stored. */
  List<String> argumentNames();

  /** The argument types, in order. */
  List<DataType> argumentTypes();

  /** The type of the result. */
  DataType returnType();

  /** The implementation language ({@code java} on Cassandra 5). */
  String language();

  /** The function's source code. */
  String body();

  /** True for {@code CALLED ON NULL INPUT}, false for {@code RETURNS NULL ON NULL INPUT}. */
  boolean calledOnNullInput();

  /** {@code CREATE FUNCTION}. */
  String describe();
}
