package io.loomcql.internal.metadata.schema;

import java.util.List;

/**
 * The raw rows of each {@code system_schema} table, as one read (whole schema, one keyspace or one
 * object) returned them.
 */
public record SchemaRows(
    List<SchemaRow> keyspaces,
    List<SchemaRow> tables,
    List<SchemaRow> columns,
    List<SchemaRow> views,
    List<SchemaRow> indexes,
    List<SchemaRow> types,
    List<SchemaRow> functions,
    List<SchemaRow> aggregates) {

  public static final SchemaRows EMPTY =
      new SchemaRows(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());

  public SchemaRows {
    keyspaces = List.copyOf(keyspaces);
    tables = List.copyOf(tables);
    columns = List.copyOf(columns);
    views = List.copyOf(views);
    indexes = List.copyOf(indexes);
    types = List.copyOf(types);
    functions = List.copyOf(functions);
    aggregates = List.copyOf(aggregates);
  }

  /** The rows of one keyspace only. */
  SchemaRows ofKeyspace(String keyspace) {
    return new SchemaRows(
        in(keyspaces, keyspace), in(tables, keyspace), in(columns, keyspace), in(views, keyspace),
        in(indexes, keyspace), in(types, keyspace), in(functions, keyspace), in(aggregates, keyspace));
  }

  private static List<SchemaRow> in(List<SchemaRow> rows, String keyspace) {
    return rows.stream().filter(r -> keyspace.equals(r.string("keyspace_name"))).toList();
  }
}
