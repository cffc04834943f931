package io.loomcql.internal.metadata.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loomcql.metadata.ClusteringOrder;
import io.loomcql.metadata.ColumnMetadata;
import io.loomcql.metadata.KeyspaceMetadata;
import io.loomcql.type.DataType;
import io.loomcql.type.ListType;
import io.loomcql.type.UserDefinedType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The parser and the export on hand-made {@code system_schema} rows: no server needed. */
class SchemaParserTest {
  private static final UUID ID = UUID.fromString("73609050-e897-11f1-b2e0-ed991f2ed3fe");

  @Test
  void should_parse_nested_user_types_whatever_order_the_rows_come_in() {
    // "c" uses "b" which uses "a": the rows come newest first, and names sort the other way.
    SchemaRows rows = rows(
        List.of(keyspace("ks")),
        List.of(),
        List.of(),
        List.of(type("ks", "a_outer", List.of("inner"), List.of("frozen<b_middle>")),
            type("ks", "b_middle", List.of("leaf", "more"), List.of("frozen<z_leaf>", "list<frozen<z_leaf>>")),
            type("ks", "z_leaf", List.of("x"), List.of("int"))));

    KeyspaceMetadata ks = SchemaParser.parseKeyspace(rows, "ks").orElseThrow();

    UserDefinedType outer = ks.userType("a_outer").orElseThrow().dataType();
    UserDefinedType middle = (UserDefinedType) outer.fieldTypes().get(0);
    assertThat(middle.frozen()).isTrue();
    assertThat(middle.fieldTypes().get(0)).isEqualTo(frozen(ks.userType("z_leaf").orElseThrow().dataType()));
    assertThat(middle.fieldTypes().get(1)).isEqualTo(new ListType(frozen(ks.userType("z_leaf").orElseThrow().dataType()), false));
    assertThat(ks.userTypes().keySet()).containsExactly("a_outer", "b_middle", "z_leaf");
    assertThat(SchemaExport.statements(ks).subList(1, 4)).extracting(s -> s.substring(0, s.indexOf(" (")))
        .containsExactly("CREATE TYPE ks.z_leaf", "CREATE TYPE ks.b_middle", "CREATE TYPE ks.a_outer");
  }

  @Test
  void should_order_types_after_those_they_use_and_ties_by_name() {
    Map<String, Set<String>> uses = new LinkedHashMap<>();
    uses.put("d", Set.of("b", "c"));
    uses.put("c", Set.of("a"));
    uses.put("b", Set.of("a", "elsewhere"));
    uses.put("a", Set.of());
    assertThat(UserTypeOrder.sort(uses)).containsExactly("a", "b", "c", "d");

    assertThatThrownBy(() -> UserTypeOrder.sort(Map.of("x", Set.of("y"), "y", Set.of("x"))))
        .hasMessageContaining("cycle");
  }

  @Test
  void should_put_columns_in_cql_order_and_describe_the_table_with_its_indexes() {
    KeyspaceMetadata ks = SchemaParser.parseKeyspace(tableRows(), "ks").orElseThrow();
    var table = ks.table("Events").orElseThrow();

    assertThat(table.columns()).extracting(ColumnMetadata::name)
        .containsExactly("tenant", "day", "at", "seq", "owner", "from", "payload");
    assertThat(table.clusteringOrder()).containsExactly(Map.entry("at", ClusteringOrder.DESC), Map.entry("seq", ClusteringOrder.ASC));
    assertThat(table.column("owner").orElseThrow().kind()).isEqualTo(ColumnMetadata.Kind.STATIC);
    assertThat(table.column("payload").orElseThrow().clusteringOrder()).isEmpty();
    assertThat(table.describe()).isEqualTo("""
        CREATE TABLE ks."Events" (
            tenant text,
            day date,
            at timestamp,
            seq int,
            owner text static,
            "from" text,
            payload frozen<list<int>>,
            PRIMARY KEY ((tenant, day), at, seq)
        ) WITH CLUSTERING ORDER BY (at DESC, seq ASC)
            AND comment = 'it''s'
            AND compaction = {'class': 'org.apache.cassandra.db.compaction.LeveledCompactionStrategy', 'sstable_size_in_mb': '64'}
            AND default_time_to_live = 60;

        CREATE INDEX "Events_from_idx" ON ks."Events" ("from");

        CREATE CUSTOM INDEX sai ON ks."Events" (payload) USING 'StorageAttachedIndex' WITH OPTIONS = {'x': 'y'};""");
  }

  @Test
  void should_replace_one_table_in_a_new_keyspace_object_and_leave_the_old_one_alone() {
    KeyspaceMetadata before = SchemaParser.parseKeyspace(tableRows(), "ks").orElseThrow();
    SchemaRows newTable = rows(List.of(), List.of(table("ks", "other")), List.of(column("ks", "other", "k", "partition_key", 0, "int")), List.of());

    KeyspaceMetadata added = SchemaParser.refreshRelation(before, newTable, "other");
    KeyspaceMetadata removed = SchemaParser.refreshRelation(added, SchemaRows.EMPTY, "Events");

    assertThat(added.tables().keySet()).containsExactly("Events", "other");
    assertThat(removed.tables().keySet()).containsExactly("other");
    assertThat(before.tables().keySet()).containsExactly("Events");
    assertThat(removed.userTypes()).isEqualTo(before.userTypes());
  }

  @Test
  void should_rewrite_every_use_of_a_user_type_that_changed() {
    SchemaRows rows = rows(
        List.of(keyspace("ks")),
        List.of(table("ks", "t")),
        List.of(column("ks", "t", "k", "partition_key", 0, "int"), column("ks", "t", "v", "regular", -1, "frozen<outer>")),
        List.of(type("ks", "outer", List.of("i"), List.of("frozen<inner>")), type("ks", "inner", List.of("x"), List.of("int"))));
    KeyspaceMetadata before = SchemaParser.parseKeyspace(rows, "ks").orElseThrow();
    SchemaRows altered = rows(List.of(), List.of(), List.of(),
        List.of(type("ks", "inner", List.of("x", "y"), List.of("int", "text"))));

    KeyspaceMetadata after = SchemaParser.refreshUserType(before, altered, "inner");

    UserDefinedType column = (UserDefinedType) after.table("t").orElseThrow().column("v").orElseThrow().type();
    assertThat(((UserDefinedType) column.fieldTypes().get(0)).fieldNames()).containsExactly("x", "y");
    assertThat(column.frozen()).isTrue();
    assertThat(after.userType("outer").orElseThrow().dataType().fieldTypes().get(0))
        .isEqualTo(frozen(after.userType("inner").orElseThrow().dataType()));
    assertThat(((UserDefinedType) before.table("t").orElseThrow().column("v").orElseThrow().type()).fieldTypes().get(0))
        .extracting(t -> ((UserDefinedType) t).fieldNames()).isEqualTo(List.of("x"));
  }

  @Test
  void should_export_every_keyspace_but_the_system_ones() {
    List<SchemaRow> keyspaces = new ArrayList<>();
    for (String name : List.of("system", "system_schema", "system_auth", "system_distributed", "system_traces",
        "system_views", "system_virtual_schema", "zeta", "alpha")) {
      keyspaces.add(keyspace(name));
    }
    Map<String, KeyspaceMetadata> all = SchemaParser.parseAll(rows(keyspaces, List.of(), List.of(), List.of()));

    assertThat(SchemaExport.describeAll(all.values())).isEqualTo(
        "CREATE KEYSPACE alpha WITH replication = {'class': 'SimpleStrategy', 'replication_factor': '1'}"
            + " AND durable_writes = true;\n\n"
            + "CREATE KEYSPACE zeta WITH replication = {'class': 'SimpleStrategy', 'replication_factor': '1'}"
            + " AND durable_writes = true;");
  }

  @Test
  void should_describe_functions_and_aggregates_with_escaped_bodies() {
    Map<String, Object> fn = new LinkedHashMap<>(Map.of("keyspace_name", "ks", "function_name", "Odd",
        "argument_names", List.of("select", "b"), "argument_types", List.of("int", "list<text>"),
        "return_type", "text", "language", "java", "body", "return \"$$\" + 'x';", "called_on_null_input", true));
    Map<String, Object> agg = new LinkedHashMap<>(Map.of("keyspace_name", "ks", "aggregate_name", "agg",
        "argument_types", List.of("int"), "state_func", "st", "state_type", "frozen<tuple<int, bigint>>",
        "final_func", "fin", "return_type", "double", "initcond", "(0, 0)"));
    SchemaRows rows = new SchemaRows(List.of(keyspace("ks")), List.of(), List.of(), List.of(), List.of(), List.of(),
        List.of(new SchemaRow(fn)), List.of(new SchemaRow(agg)));

    KeyspaceMetadata ks = SchemaParser.parseKeyspace(rows, "ks").orElseThrow();

    assertThat(ks.function("Odd(int, list<text>)").orElseThrow().describe()).isEqualTo("""
        CREATE FUNCTION ks."Odd"("select" int, b list<text>)
            CALLED ON NULL INPUT
            RETURNS text
            LANGUAGE java
            AS 'return "$$" + ''x'';';""");
    assertThat(ks.aggregate("agg(int)").orElseThrow().describe()).isEqualTo("""
        CREATE AGGREGATE ks.agg(int)
            SFUNC st
            STYPE frozen<tuple<int, bigint>>
            FINALFUNC fin
            INITCOND (0, 0);""");
    assertThat(ks.aggregate("agg(int)").orElseThrow().returnType()).isEqualTo(DataType.DOUBLE);
  }

  private static SchemaRows tableRows() {
    Map<String, Object> compaction = new LinkedHashMap<>();
    compaction.put("class", "org.apache.cassandra.db.compaction.LeveledCompactionStrategy");
    compaction.put("sstable_size_in_mb", "64");
    Map<String, Object> table = new LinkedHashMap<>(table("ks", "Events").values());
    table.put("comment", "it's");
    table.put("compaction", compaction);
    table.put("default_time_to_live", 60);
    table.put("read_repair_chance", 0.0);
    List<SchemaRow> columns = List.of(
        column("ks", "Events", "payload", "regular", -1, "frozen<list<int>>"),
        column("ks", "Events", "seq", "clustering", 1, "int"),
        column("ks", "Events", "from", "regular", -1, "text"),
        column("ks", "Events", "owner", "static", -1, "text"),
        column("ks", "Events", "at", "clustering", 0, "timestamp", "desc"),
        column("ks", "Events", "day", "partition_key", 1, "date"),
        column("ks", "Events", "tenant", "partition_key", 0, "text"));
    List<SchemaRow> indexes = List.of(
        new SchemaRow(Map.of("keyspace_name", "ks", "table_name", "Events", "index_name", "sai", "kind", "CUSTOM",
            "options", Map.of("class_name", "StorageAttachedIndex", "target", "payload", "x", "y"))),
        new SchemaRow(Map.of("keyspace_name", "ks", "table_name", "Events", "index_name", "Events_from_idx",
            "kind", "COMPOSITES", "options", Map.of("target", "\"from\""))));
    return new SchemaRows(List.of(keyspace("ks")), List.of(new SchemaRow(table)), columns, List.of(), indexes,
        List.of(), List.of(), List.of());
  }

  private static SchemaRows rows(List<SchemaRow> keyspaces, List<SchemaRow> tables, List<SchemaRow> columns,
      List<SchemaRow> types) {
    return new SchemaRows(keyspaces, tables, columns, List.of(), List.of(), types, List.of(), List.of());
  }

  private static SchemaRow keyspace(String name) {
    return new SchemaRow(Map.of("keyspace_name", name, "durable_writes", true, "replication",
        Map.of("class", "org.apache.cassandra.locator.SimpleStrategy", "replication_factor", "1")));
  }

  private static SchemaRow table(String keyspace, String name) {
    return new SchemaRow(Map.of("keyspace_name", keyspace, "table_name", name, "id", ID, "flags", Set.of("compound")));
  }

  private static SchemaRow type(String keyspace, String name, List<String> fields, List<String> types) {
    return new SchemaRow(Map.of("keyspace_name", keyspace, "type_name", name, "field_names", fields, "field_types", types));
  }

  private static SchemaRow column(String keyspace, String table, String name, String kind, int position, String type) {
    return column(keyspace, table, name, kind, position, type, kind.equals("clustering") ? "asc" : "none");
  }

  private static SchemaRow column(
      String keyspace, String table, String name, String kind, int position, String type, String order) {
    return new SchemaRow(Map.of("keyspace_name", keyspace, "table_name", table, "column_name", name, "kind", kind,
        "position", position, "type", type, "clustering_order", order));
  }

  private static UserDefinedType frozen(UserDefinedType type) {
    return new UserDefinedType(type.keyspace(), type.name(), type.fieldNames(), type.fieldTypes(), true);
  }
}
