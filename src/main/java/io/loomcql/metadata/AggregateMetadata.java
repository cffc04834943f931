package io.loomcql.metadata;

import io.loomcql.type.DataType;
import java.util.List;
import java.util.Optional;

/** A user-defined aggregate. Immutable. */
public interface AggregateMetadata {
  /** The keyspace that defines the aggregate. */
  String keyspace();

  /** The aggregate's name as stored (overloads share it). */
  String name();

  /**
   * The name with its argument types, for example {@code average(int)}: the key of {@link
   * KeyspaceMetadata#aggregates()}.
   */
  String signature();

  /** The argument types, in order. */
  List<DataType> argumentTypes();

  /** The name of the state function ({@code SFUNC}), in the same keyspace. */
  String stateFunction();

  /** The type of the state ({@code STYPE}). */
  DataType stateType();

  /** The name of the final function ({@code FINALFUNC}), if any. */
  Optional<String> finalFunction();

  /** The type of the result: the final function's, or else the state type. */
  DataType returnType();

  /** The initial state ({@code INITCOND}) as a CQL literal, if any. */
  Optional<String> initCond();

  /** {@code CREATE AGGREGATE}. */
  String describe();
}
