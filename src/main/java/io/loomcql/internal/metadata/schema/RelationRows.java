package io.loomcql.internal.metadata.schema;

import io.loomcql.metadata.ClusteringOrder;
import io.loomcql.metadata.ColumnMetadata;
import io.loomcql.metadata.IndexMetadata;
import io.loomcql.type.NativeType;
import io.loomcql.type.UserDefinedType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** Rows of {@code system_schema.tables}, {@code views}, {@code columns} and {@code indexes} → tables and views. */
final class RelationRows {
  /** Columns of the tables/views rows that identify the object rather than configure it. */
  private static final Set<String> NOT_OPTIONS = Set.of(
      "keyspace_name", "table_name", "view_name", "id", "flags", "base_table_id", "base_table_name",
      "include_all_columns", "where_clause");

  private RelationRows() {}

  static DefaultTableMetadata table(
      SchemaRow row, List<SchemaRow> columnRows, List<SchemaRow> indexRows, Function<String, UserDefinedType> userTypes) {
    String keyspace = row.requireString("keyspace_name");
    String name = row.requireString("table_name");
    List<ColumnMetadata> columns = columns(columnRows, name, userTypes);
    Map<String, IndexMetadata> indexes = new LinkedHashMap<>();
    for (SchemaRow index : indexRows) {
      if (name.equals(index.string("table_name"))) {
        DefaultIndexMetadata parsed = index(index);
        indexes.put(parsed.name(), parsed);
      }
    }
    boolean counter = row.stringSet("flags").contains("counter")
        || columns.stream().anyMatch(c -> c.type() == NativeType.COUNTER);
    return new DefaultTableMetadata(keyspace, name, row.uuid("id"), columns, options(row), indexes, counter);
  }

  static DefaultViewMetadata view(SchemaRow row, List<SchemaRow> columnRows, Function<String, UserDefinedType> userTypes) {
    String name = row.requireString("view_name");
    return new DefaultViewMetadata(row.requireString("keyspace_name"), name, row.uuid("id"),
        row.requireString("base_table_name"), row.bool("include_all_columns", false), row.requireString("where_clause"),
        columns(columnRows, name, userTypes), options(row));
  }

  static DefaultIndexMetadata index(SchemaRow row) {
    return new DefaultIndexMetadata(row.requireString("keyspace_name"), row.requireString("table_name"),
        row.requireString("index_name"), IndexMetadata.Kind.valueOf(row.requireString("kind").toUpperCase(Locale.ROOT)),
        row.stringMap("options"));
  }

  private static List<ColumnMetadata> columns(
      List<SchemaRow> rows, String relation, Function<String, UserDefinedType> userTypes) {
    return rows.stream()
        .filter(r -> relation.equals(r.string("table_name")))
        .map(r -> (ColumnMetadata) column(r, userTypes))
        .toList();
  }

  private static DefaultColumnMetadata column(SchemaRow row, Function<String, UserDefinedType> userTypes) {
    ColumnMetadata.Kind kind = ColumnMetadata.Kind.valueOf(row.requireString("kind").toUpperCase(Locale.ROOT));
    Optional<ClusteringOrder> order = kind != ColumnMetadata.Kind.CLUSTERING ? Optional.empty()
        : Optional.of("desc".equalsIgnoreCase(row.string("clustering_order")) ? ClusteringOrder.DESC : ClusteringOrder.ASC);
    int position = kind == ColumnMetadata.Kind.PARTITION_KEY || kind == ColumnMetadata.Kind.CLUSTERING
        ? ((Number) row.values().getOrDefault("position", 0)).intValue() : -1;
    return new DefaultColumnMetadata(row.requireString("column_name"),
        CqlTypeParser.parse(row.requireString("type"), userTypes), kind, position, order);
  }

  private static Map<String, Object> options(SchemaRow row) {
    Map<String, Object> options = new LinkedHashMap<>();
    row.values().forEach((name, value) -> {
      if (!NOT_OPTIONS.contains(name)) {
        options.put(name, value);
      }
    });
    return options;
  }
}
