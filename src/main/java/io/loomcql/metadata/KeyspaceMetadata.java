package io.loomcql.metadata;

import java.util.Map;
import java.util.Optional;

/**
 * A keyspace and everything it defines. Immutable: a schema change gives a new object. Names and
 * lookups use names as stored (case-sensitive, never quoted). Every map iterates in name order.
 */
public interface KeyspaceMetadata {
  /** {@return the keyspace's name as stored: case-sensitive, never quoted} */
  String name();

  /**
   * The {@code durable_writes} setting: whether writes go through the commit log.
   *
   * @return {@code false} only if the keyspace was created or altered with {@code durable_writes =
   *     false}
   */
  boolean durableWrites();

  /**
   * The replication options, {@code class} included (for example {@code NetworkTopologyStrategy}).
   *
   * @return the options by name, as stored, for example {@code {class=...NetworkTopologyStrategy,
   *     dc1=3}}; unmodifiable
   */
  Map<String, String> replication();

  /**
   * Its tables by name. Empty when schema metadata is disabled ({@code
   * withSchemaMetadataEnabled(false)}), as are the other maps below.
   *
   * @return the tables; unmodifiable
   */
  Map<String, TableMetadata> tables();

  /**
   * The table with that name, if any.
   *
   * @param name the table's name as stored: case-sensitive, not quoted
   * @return the table, or empty if the keyspace has none of that name
   */
  Optional<TableMetadata> table(String name);

  /** {@return its materialized views by name; unmodifiable} */
  Map<String, ViewMetadata> views();

  /**
   * The materialized view with that name, if any.
   *
   * @param name the view's name as stored: case-sensitive, not quoted
   * @return the view, or empty if the keyspace has none of that name
   */
  Optional<ViewMetadata> view(String name);

  /** {@return its user-defined types by name; unmodifiable} */
  Map<String, UserTypeMetadata> userTypes();

  /**
   * The user-defined type with that name, if any.
   *
   * @param name the type's name as stored: case-sensitive, not quoted
   * @return the type, or empty if the keyspace has none of that name
   */
  Optional<UserTypeMetadata> userType(String name);

  /**
   * Its functions by {@link FunctionMetadata#signature() signature}, for example {@code plus(int,
   * int)}.
   *
   * @return the functions; unmodifiable
   */
  Map<String, FunctionMetadata> functions();

  /**
   * The function with that signature, if any.
   *
   * @param signature the name and argument types, spelled exactly as {@link
   *     FunctionMetadata#signature()} spells them, for example {@code plus(int, int)}
   * @return the function, or empty if the keyspace has none with that signature
   */
  Optional<FunctionMetadata> function(String signature);

  /**
   * Its aggregates by {@link AggregateMetadata#signature() signature}.
   *
   * @return the aggregates; unmodifiable
   */
  Map<String, AggregateMetadata> aggregates();

  /**
   * The aggregate with that signature, if any.
   *
   * @param signature the name and argument types, spelled exactly as {@link
   *     AggregateMetadata#signature()} spells them, for example {@code average(int)}
   * @return the aggregate, or empty if the keyspace has none with that signature
   */
  Optional<AggregateMetadata> aggregate(String signature);

  /**
   * CQL that recreates the keyspace and its contents, in an order that runs as is: the keyspace,
   * user types (each after those it uses), functions, aggregates, tables each followed by its
   * indexes, then materialized views. Names are fully qualified; each statement ends in {@code ;}.
   *
   * @return the statements, separated by blank lines
   */
  String describe();
}
