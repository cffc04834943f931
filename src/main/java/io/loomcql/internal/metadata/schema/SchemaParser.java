package io.loomcql.internal.metadata.schema;

import io.loomcql.metadata.AggregateMetadata;
import io.loomcql.metadata.FunctionMetadata;
import io.loomcql.metadata.KeyspaceMetadata;
import io.loomcql.metadata.TableMetadata;
import io.loomcql.metadata.UserTypeMetadata;
import io.loomcql.metadata.ViewMetadata;
import io.loomcql.type.DataType;
import io.loomcql.type.UserDefinedType;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * {@code system_schema} rows → keyspace metadata: the whole schema, one keyspace, or one object
 * replaced inside an existing keyspace (targeted refresh). Pure: every call returns new immutable
 * objects and changes nothing it was given.
 */
public final class SchemaParser {
  private SchemaParser() {}

  /** Every keyspace the rows hold, by name (in name order). */
  public static Map<String, KeyspaceMetadata> parseAll(SchemaRows rows) {
    Map<String, KeyspaceMetadata> keyspaces = new TreeMap<>();
    for (SchemaRow row : rows.keyspaces()) {
      String name = row.requireString("keyspace_name");
      keyspaces.put(name, keyspace(row, rows.ofKeyspace(name)));
    }
    return NameOrder.copy(keyspaces);
  }

  /** One keyspace, or empty when the rows say it does not exist (it was dropped). */
  public static Optional<KeyspaceMetadata> parseKeyspace(SchemaRows rows, String keyspace) {
    return Optional.ofNullable(parseAll(rows.ofKeyspace(keyspace)).get(keyspace));
  }

  /**
   * Replaces the table or view {@code name} with what the rows say ({@link SchemaQueries#relation}),
   * or removes it when they hold neither.
   */
  public static KeyspaceMetadata refreshRelation(KeyspaceMetadata keyspace, SchemaRows rows, String name) {
    Function<String, UserDefinedType> userTypes = userTypes(keyspace)::get;
    Map<String, TableMetadata> tables = new HashMap<>(keyspace.tables());
    Map<String, ViewMetadata> views = new HashMap<>(keyspace.views());
    tables.remove(name);
    views.remove(name);
    rows.tables().stream().filter(r -> name.equals(r.string("table_name"))).findFirst()
        .ifPresent(r -> tables.put(name, RelationRows.table(r, rows.columns(), rows.indexes(), userTypes)));
    rows.views().stream().filter(r -> name.equals(r.string("view_name"))).findFirst()
        .ifPresent(r -> views.put(name, RelationRows.view(r, rows.columns(), userTypes)));
    return new DefaultKeyspaceMetadata(keyspace.name(), keyspace.durableWrites(), keyspace.replication(), tables,
        views, keyspace.userTypes(), keyspace.functions(), keyspace.aggregates());
  }

  /**
   * Replaces the user type {@code name} ({@link SchemaQueries#userType}) or removes it; a changed
   * type is also rewritten wherever the keyspace uses it.
   */
  public static KeyspaceMetadata refreshUserType(KeyspaceMetadata keyspace, SchemaRows rows, String name) {
    Map<String, UserDefinedType> known = userTypes(keyspace);
    known.remove(name);
    Map<String, UserTypeMetadata> types = new HashMap<>(keyspace.userTypes());
    types.remove(name);
    Map<String, UserDefinedType> parsed = UserTypeRows.parse(keyspace.name(),
        rows.types().stream().filter(r -> name.equals(r.string("type_name"))).toList(), known);
    UserDefinedType updated = parsed.get(name);
    if (updated == null) { // dropped: Cassandra refuses to drop a type still in use
      return new DefaultKeyspaceMetadata(keyspace.name(), keyspace.durableWrites(), keyspace.replication(),
          keyspace.tables(), keyspace.views(), types, keyspace.functions(), keyspace.aggregates());
    }
    types.put(name, DefaultUserTypeMetadata.of(updated));
    return withTypes(keyspace, types, new UserTypeSubstitution(updated));
  }

  /** Replaces every overload of function {@code name} ({@link SchemaQueries#function}); none left removes it. */
  public static KeyspaceMetadata refreshFunction(KeyspaceMetadata keyspace, SchemaRows rows, String name) {
    Function<String, UserDefinedType> userTypes = userTypes(keyspace)::get;
    Map<String, FunctionMetadata> functions = new HashMap<>(keyspace.functions());
    functions.values().removeIf(f -> f.name().equals(name));
    rows.functions().stream().filter(r -> name.equals(r.string("function_name")))
        .map(r -> FunctionRows.function(r, userTypes)).forEach(f -> functions.put(f.signature(), f));
    return new DefaultKeyspaceMetadata(keyspace.name(), keyspace.durableWrites(), keyspace.replication(),
        keyspace.tables(), keyspace.views(), keyspace.userTypes(), functions, keyspace.aggregates());
  }

  /** Replaces every overload of aggregate {@code name} ({@link SchemaQueries#aggregate}); none left removes it. */
  public static KeyspaceMetadata refreshAggregate(KeyspaceMetadata keyspace, SchemaRows rows, String name) {
    Function<String, UserDefinedType> userTypes = userTypes(keyspace)::get;
    Map<String, AggregateMetadata> aggregates = new HashMap<>(keyspace.aggregates());
    aggregates.values().removeIf(a -> a.name().equals(name));
    rows.aggregates().stream().filter(r -> name.equals(r.string("aggregate_name")))
        .map(r -> FunctionRows.aggregate(r, userTypes)).forEach(a -> aggregates.put(a.signature(), a));
    return new DefaultKeyspaceMetadata(keyspace.name(), keyspace.durableWrites(), keyspace.replication(),
        keyspace.tables(), keyspace.views(), keyspace.userTypes(), keyspace.functions(), aggregates);
  }

  private static KeyspaceMetadata keyspace(SchemaRow row, SchemaRows rows) {
    String name = row.requireString("keyspace_name");
    Map<String, UserDefinedType> udts = UserTypeRows.parse(name, rows.types(), Map.of());
    Function<String, UserDefinedType> userTypes = udts::get;
    Map<String, UserTypeMetadata> types = new LinkedHashMap<>();
    udts.forEach((typeName, type) -> types.put(typeName, DefaultUserTypeMetadata.of(type)));
    Map<String, TableMetadata> tables = new HashMap<>();
    rows.tables().forEach(r -> tables.put(r.requireString("table_name"),
        RelationRows.table(r, rows.columns(), rows.indexes(), userTypes)));
    Map<String, ViewMetadata> views = new HashMap<>();
    rows.views().forEach(r -> views.put(r.requireString("view_name"), RelationRows.view(r, rows.columns(), userTypes)));
    Map<String, FunctionMetadata> functions = new HashMap<>();
    rows.functions().stream().map(r -> FunctionRows.function(r, userTypes)).forEach(f -> functions.put(f.signature(), f));
    Map<String, AggregateMetadata> aggregates = new HashMap<>();
    rows.aggregates().stream().map(r -> FunctionRows.aggregate(r, userTypes)).forEach(a -> aggregates.put(a.signature(), a));
    return new DefaultKeyspaceMetadata(name, row.bool("durable_writes", true), row.stringMap("replication"), tables,
        views, types, functions, aggregates);
  }

  /** The keyspace's user types as {@link DataType}s, by name, for parsing type strings. */
  private static Map<String, UserDefinedType> userTypes(KeyspaceMetadata keyspace) {
    Map<String, UserDefinedType> types = new HashMap<>();
    keyspace.userTypes().forEach((name, type) -> types.put(name, type.dataType()));
    return types;
  }

  /** The keyspace with {@code change} applied to every type it holds. */
  private static KeyspaceMetadata withTypes(
      KeyspaceMetadata keyspace, Map<String, UserTypeMetadata> userTypes, UnaryOperator<DataType> change) {
    Map<String, UserTypeMetadata> types = new HashMap<>();
    userTypes.forEach((name, type) -> types.put(name, internal(type).withTypes(change)));
    Map<String, TableMetadata> tables = new HashMap<>();
    keyspace.tables().forEach((name, t) -> tables.put(name, ((DefaultTableMetadata) t).withTypes(change)));
    Map<String, ViewMetadata> views = new HashMap<>();
    keyspace.views().forEach((name, v) -> views.put(name, ((DefaultViewMetadata) v).withTypes(change)));
    Map<String, FunctionMetadata> functions = new HashMap<>();
    keyspace.functions().forEach((sig, f) -> functions.put(sig, ((DefaultFunctionMetadata) f).withTypes(change)));
    Map<String, AggregateMetadata> aggregates = new HashMap<>();
    keyspace.aggregates().forEach((sig, a) -> aggregates.put(sig, ((DefaultAggregateMetadata) a).withTypes(change)));
    return new DefaultKeyspaceMetadata(keyspace.name(), keyspace.durableWrites(), keyspace.replication(), tables,
        views, types, functions, aggregates);
  }

  private static DefaultUserTypeMetadata internal(UserTypeMetadata type) {
    return type instanceof DefaultUserTypeMetadata d ? d
        : new DefaultUserTypeMetadata(type.keyspace(), type.name(), type.fieldNames(), type.fieldTypes());
  }
}
