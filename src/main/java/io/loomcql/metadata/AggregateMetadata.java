package io.loomcql.metadata;

import io.loomcql.type.DataType;
import java.util.List;
import java.util.Optional;

/** A user-defined aggregate. Immutable. */
public interface AggregateMetadata {
  /** {@return the keyspace that defines the aggregate} */
  String keyspace();

  /** {@return the aggregate's name as stored: case-sensitive, never quoted} Overloads share it. */
  String name();

  /**
   * The name with its argument types, for example {@code average(int)}: the key of {@link
   * KeyspaceMetadata#aggregates()}.
   *
   * @return the signature, types separated by a comma and a space
   */
  String signature();

  /** {@return the argument types, in order; unmodifiable} */
  List<DataType> argumentTypes();

  /** {@return the name of the state function ({@code SFUNC})} It is in the same keyspace. */
  String stateFunction();

  /** {@return the type of the state ({@code STYPE})} */
  DataType stateType();

  /**
   * The name of the final function ({@code FINALFUNC}), if any.
   *
   * @return the name, or empty when the aggregate returns its state as is
   */
  Optional<String> finalFunction();

  /** {@return the type of the result: the final function's, or else the state type} */
  DataType returnType();

  /**
   * The initial state ({@code INITCOND}) as a CQL literal, if any.
   *
   * @return the literal, for example {@code (0, 0)}, or empty when the state starts null
   */
  Optional<String> initCond();

  /**
   * The {@code CREATE AGGREGATE} statement that recreates the aggregate.
   *
   * @return the CQL, with fully qualified names and a final {@code ;}
   */
  String describe();
}
