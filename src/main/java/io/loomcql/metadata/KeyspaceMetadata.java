package io.loomcql.metadata;

import java.util.Map;
import java.util.Optional;

/**
 * A keyspace and everything it defines. Immutable: a schema change gives a new object. Names and
 * lookups use names as stored (case-sensitive, never quoted). Every map iterates in name order.
 */
public interface KeyspaceMetadata {
  /** The keyspace's name. */
  String name();

  /** The {@code durable_writes} setting. */
  boolean durableWrites();

  /** The replication options, {@code class} included (for example {@code NetworkTopologyStrategy}). */
  Map<String, String> replication();

  /** Its tables by name. */
  Map<String, TableMetadata> tables();

  /** The table with that name, if any. */
  Optional<TableMetadata> table(String name);

  /** Its materialized views by name. */
  Map<String, ViewMetadata> views();

  /** The materialized view with that name, if any. */
  Optional<ViewMetadata> view(String name);

  /** Its user-defined types by name. */
  Map<String, UserTypeMetadata> userTypes();

  /** The user-defined type with that name, if any. */
  Optional<UserTypeMetadata> userType(String name);

  /** Its functions by {@link FunctionMetadata#signature() signature}, for example {@code plus(int, int)}. */
  Map<String, FunctionMetadata> functions();

  /** The function with that signature, for example {@code plus(int, int)}, if any. */
  Optional<FunctionMetadata> function(String signature);

  /** Its aggregates by {@link AggregateMetadata#signature() signature}. */
  Map<String, AggregateMetadata> aggregates();

  /** The aggregate with that signature, for example {@code average(int)}, if any. */
  Optional<AggregateMetadata> aggregate(String signature);

  /**
   * CQL that recreates the keyspace and its contents, in an order that runs as is: the keyspace,
   * user types (each after those it uses), functions, aggregates, tables each followed by its
   * indexes, then materialized views. Names are fully qualified; each statement ends in {@code ;}.
   */
  String describe();
}
