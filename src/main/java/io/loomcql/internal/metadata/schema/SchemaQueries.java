package io.loomcql.internal.metadata.schema;

import java.util.List;

/**
 * Reads {@code system_schema}: the whole schema, one keyspace, or one object for a targeted refresh
 * (one table reads its own rows only, never the whole schema). Every query selects by partition key
 * and clustering prefix, so none needs {@code ALLOW FILTERING}.
 */
public final class SchemaQueries {
  private static final String FROM = "SELECT * FROM system_schema.";

  private SchemaQueries() {}

  /** Every keyspace, system ones included (eight queries). */
  public static SchemaRows all(SchemaSource source) {
    return everything(source, "");
  }

  /** Only the keyspaces and their replication (one query): what routing needs, for the cheapest start. */
  public static SchemaRows keyspacesOnly(SchemaSource source) {
    return new SchemaRows(
        read(source, "keyspaces"), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
  }

  /** One keyspace and everything in it (eight queries); empty rows when it does not exist. */
  public static SchemaRows keyspace(SchemaSource source, String keyspace) {
    return everything(source, " WHERE keyspace_name = " + CqlLiterals.string(keyspace));
  }

  /**
   * One table or materialized view, with its columns and indexes. A SCHEMA_CHANGE for a view says
   * TABLE, so both system tables are read.
   */
  public static SchemaRows relation(SchemaSource source, String keyspace, String name) {
    String table = where(keyspace) + " AND table_name = " + CqlLiterals.string(name);
    return new SchemaRows(
        List.of(),
        read(source, "tables" + table),
        read(source, "columns" + table),
        read(source, "views" + where(keyspace) + " AND view_name = " + CqlLiterals.string(name)),
        read(source, "indexes" + table),
        List.of(), List.of(), List.of());
  }

  /** One user type. */
  public static SchemaRows userType(SchemaSource source, String keyspace, String name) {
    List<SchemaRow> types = read(source, "types" + where(keyspace) + " AND type_name = " + CqlLiterals.string(name));
    return new SchemaRows(List.of(), List.of(), List.of(), List.of(), List.of(), types, List.of(), List.of());
  }

  /** Every overload of one function. */
  public static SchemaRows function(SchemaSource source, String keyspace, String name) {
    List<SchemaRow> functions =
        read(source, "functions" + where(keyspace) + " AND function_name = " + CqlLiterals.string(name));
    return new SchemaRows(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), functions, List.of());
  }

  /** Every overload of one aggregate. */
  public static SchemaRows aggregate(SchemaSource source, String keyspace, String name) {
    List<SchemaRow> aggregates =
        read(source, "aggregates" + where(keyspace) + " AND aggregate_name = " + CqlLiterals.string(name));
    return new SchemaRows(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), aggregates);
  }

  private static SchemaRows everything(SchemaSource source, String where) {
    return new SchemaRows(
        read(source, "keyspaces" + where), read(source, "tables" + where), read(source, "columns" + where),
        read(source, "views" + where), read(source, "indexes" + where), read(source, "types" + where),
        read(source, "functions" + where), read(source, "aggregates" + where));
  }

  private static String where(String keyspace) {
    return " WHERE keyspace_name = " + CqlLiterals.string(keyspace);
  }

  private static List<SchemaRow> read(SchemaSource source, String fromTable) {
    return source.query(FROM + fromTable).stream().map(SchemaRow::of).toList();
  }
}
