package io.loomcql.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.loomcql.Cluster;
import io.loomcql.Row;
import io.loomcql.Session;
import io.loomcql.internal.metadata.schema.SchemaExport;
import io.loomcql.internal.metadata.schema.SchemaParser;
import io.loomcql.internal.metadata.schema.SchemaQueries;
import io.loomcql.internal.metadata.schema.SchemaRefresh;
import io.loomcql.internal.protocol.SchemaChangeResult;
import io.loomcql.internal.metadata.schema.SchemaSource;
import io.loomcql.metadata.AggregateMetadata;
import io.loomcql.metadata.ClusteringOrder;
import io.loomcql.metadata.ColumnMetadata;
import io.loomcql.metadata.ColumnMetadata.Kind;
import io.loomcql.metadata.IndexMetadata;
import io.loomcql.metadata.KeyspaceMetadata;
import io.loomcql.metadata.TableMetadata;
import io.loomcql.metadata.ViewMetadata;
import io.loomcql.testkit.CassandraExtension;
import io.loomcql.type.DataType;
import io.loomcql.type.ListType;
import io.loomcql.type.MapType;
import io.loomcql.type.SetType;
import io.loomcql.type.TupleType;
import io.loomcql.type.UserDefinedType;
import io.loomcql.type.VectorType;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Schema metadata read from a real Cassandra 5.0 node, exported with {@code describe()}, and the
 * export run again: the recreated keyspace must export to the same text. The round trip runs last,
 * as it drops and recreates the keyspace the other tests read.
 */
@ExtendWith(CassandraExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SchemaDescribeIT {
  private static final String KS = "it_schema_describe";

  /** Every kind of object the export covers; the order is one that runs. */
  private static final List<String> SCHEMA = List.of(
      "CREATE KEYSPACE " + KS + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}",
      "CREATE TYPE " + KS + ".address (street text, \"Zip\" int, tags frozen<set<text>>)",
      "CREATE TYPE " + KS + ".person (name text, home frozen<address>, previous frozen<list<frozen<address>>>,"
          + " phones map<text, text>)",
      "CREATE TYPE " + KS + ".\"Team\" (lead frozen<person>, members frozen<list<frozen<person>>>)",
      "CREATE FUNCTION " + KS + ".plus(x int, y int) RETURNS NULL ON NULL INPUT RETURNS int"
          + " LANGUAGE java AS 'return x + y;'",
      "CREATE FUNCTION " + KS + ".plus(x bigint, y bigint) RETURNS NULL ON NULL INPUT RETURNS bigint"
          + " LANGUAGE java AS 'return x + y;'",
      "CREATE FUNCTION " + KS + ".sum_state(s int, x int) CALLED ON NULL INPUT RETURNS int"
          + " LANGUAGE java AS $$ return (s == null ? 0 : s) + (x == null ? 0 : x); $$",
      "CREATE FUNCTION " + KS + ".twice(s int) RETURNS NULL ON NULL INPUT RETURNS bigint"
          + " LANGUAGE java AS 'return 2L * s;'",
      "CREATE FUNCTION " + KS + ".greeting(\"Name\" text) CALLED ON NULL INPUT RETURNS text"
          + " LANGUAGE java AS 'return \"it''s \" + \"Name\";'",
      "CREATE FUNCTION " + KS + ".street_of(a address) RETURNS NULL ON NULL INPUT RETURNS text"
          + " LANGUAGE java AS 'return a.getString(\"street\");'",
      "CREATE AGGREGATE " + KS + ".total(int) SFUNC sum_state STYPE int INITCOND 0",
      "CREATE AGGREGATE " + KS + ".double_total(int) SFUNC sum_state STYPE int FINALFUNC twice INITCOND 0",
      "CREATE TABLE " + KS + ".events (tenant text, day date, bucket int, at timestamp, seq int, id timeuuid,"
          + " owner text static, payload blob, tags set<text>, ftags frozen<set<text>>, scores list<int>,"
          + " fscores frozen<list<int>>, attrs map<text, int>, fattrs frozen<map<text, int>>,"
          + " point tuple<int, text, double>, embedding vector<float, 3>, who frozen<person>, loose address,"
          + " team frozen<\"Team\">, history list<frozen<address>>, \"Mixed Case\" int, \"select\" text,"
          + " PRIMARY KEY ((tenant, day, bucket), at, seq, id))"
          + " WITH CLUSTERING ORDER BY (at DESC, seq ASC, id DESC) AND comment = 'events, it''s a test'"
          + " AND default_time_to_live = 86400"
          + " AND compaction = {'class': 'LeveledCompactionStrategy', 'sstable_size_in_mb': '64'}",
      "CREATE TABLE " + KS + ".page_views (page text, day date, views counter, uniques counter,"
          + " PRIMARY KEY (page, day))",
      "CREATE TABLE " + KS + ".users (id uuid PRIMARY KEY, email text, name text, age int, attrs map<text, text>)",
      "CREATE INDEX users_name_idx ON " + KS + ".users (name)",
      "CREATE INDEX ON " + KS + ".users (keys(attrs))",
      "CREATE INDEX users_attr_values ON " + KS + ".users (values(attrs))",
      "CREATE INDEX users_attr_entries ON " + KS + ".users (entries(attrs))",
      "CREATE INDEX ON " + KS + ".events (full(fscores))",
      "CREATE INDEX mixed_idx ON " + KS + ".events (\"Mixed Case\")",
      "CREATE CUSTOM INDEX users_age_sai ON " + KS + ".users (age) USING 'StorageAttachedIndex'",
      "CREATE CUSTOM INDEX events_embedding_ann ON " + KS + ".events (embedding) USING 'StorageAttachedIndex'"
          + " WITH OPTIONS = {'similarity_function': 'dot_product'}",
      "CREATE MATERIALIZED VIEW " + KS + ".users_by_email AS SELECT id, email, name FROM " + KS + ".users"
          + " WHERE email IS NOT NULL AND id IS NOT NULL PRIMARY KEY (email, id)"
          + " WITH CLUSTERING ORDER BY (id DESC) AND comment = 'by email'",
      "CREATE MATERIALIZED VIEW " + KS + ".users_by_name AS SELECT * FROM " + KS + ".users"
          + " WHERE name IS NOT NULL AND id IS NOT NULL PRIMARY KEY (name, id)");

  private static Cluster cluster;
  private static Session session;
  private static SchemaSource source;

  @BeforeAll
  static void createSchema(InetSocketAddress contactPoint) {
    cluster = Cluster.builder().addContactPoints(contactPoint).withConnectionsPerHost(1).build();
    session = cluster.connect();
    source = cql -> session.execute(cql).all();
    session.execute("DROP KEYSPACE IF EXISTS " + KS);
    SCHEMA.forEach(session::execute);
  }

  @AfterAll
  static void close() {
    if (session != null) {
      session.execute("DROP KEYSPACE IF EXISTS " + KS);
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  private static KeyspaceMetadata read() {
    return SchemaParser.parseKeyspace(SchemaQueries.keyspace(source, KS), KS).orElseThrow();
  }

  @Test
  @Order(1)
  void should_read_key_order_column_kinds_and_types_of_a_table() {
    KeyspaceMetadata keyspace = read();
    TableMetadata events = keyspace.table("events").orElseThrow();

    assertThat(events.partitionKey()).extracting(ColumnMetadata::name).containsExactly("tenant", "day", "bucket");
    assertThat(events.clusteringColumns()).extracting(ColumnMetadata::name).containsExactly("at", "seq", "id");
    assertThat(events.clusteringOrder()).containsExactly(
        Map.entry("at", ClusteringOrder.DESC), Map.entry("seq", ClusteringOrder.ASC), Map.entry("id", ClusteringOrder.DESC));
    assertThat(events.columns().subList(0, 7)).extracting(ColumnMetadata::name)
        .containsExactly("tenant", "day", "bucket", "at", "seq", "id", "owner");
    assertThat(events.column("owner").orElseThrow().kind()).isEqualTo(Kind.STATIC);
    assertThat(events.column("payload").orElseThrow().kind()).isEqualTo(Kind.REGULAR);
    assertThat(events.column("day").orElseThrow().position()).isEqualTo(1);
    assertThat(events.column("Mixed Case")).isPresent();

    assertThat(type(events, "tags")).isEqualTo(new SetType(DataType.TEXT, false));
    assertThat(type(events, "ftags")).isEqualTo(new SetType(DataType.TEXT, true));
    assertThat(type(events, "scores")).isEqualTo(new ListType(DataType.INT, false));
    assertThat(type(events, "fscores")).isEqualTo(new ListType(DataType.INT, true));
    assertThat(type(events, "attrs")).isEqualTo(new MapType(DataType.TEXT, DataType.INT, false));
    assertThat(type(events, "fattrs")).isEqualTo(new MapType(DataType.TEXT, DataType.INT, true));
    assertThat(type(events, "point")).isEqualTo(new TupleType(List.of(DataType.INT, DataType.TEXT, DataType.DOUBLE)));
    assertThat(type(events, "embedding")).isEqualTo(new VectorType(DataType.FLOAT, 3));

    UserDefinedType who = (UserDefinedType) type(events, "who");
    assertThat(who.frozen()).isTrue();
    assertThat(who.fieldNames()).containsExactly("name", "home", "previous", "phones");
    assertThat(who.fieldTypes().get(1)).isEqualTo(frozen(keyspace.userType("address").orElseThrow().dataType()));
    assertThat(((UserDefinedType) type(events, "loose")).frozen()).isFalse();
    assertThat(((UserDefinedType) type(events, "team")).name()).isEqualTo("Team");

    assertThat(events.isCounter()).isFalse();
    assertThat(keyspace.table("page_views").orElseThrow().isCounter()).isTrue();
    assertThat(events.options()).containsEntry("comment", "events, it's a test")
        .containsEntry("default_time_to_live", 86400);
    @SuppressWarnings("unchecked")
    Map<String, String> compaction = (Map<String, String>) events.options().get("compaction");
    assertThat(compaction).containsEntry("sstable_size_in_mb", "64");
    assertThat(compaction.get("class")).endsWith("LeveledCompactionStrategy");
    assertThat(keyspace.replication()).containsEntry("replication_factor", "1");
  }

  @Test
  @Order(1)
  void should_read_index_kinds_targets_and_options() {
    KeyspaceMetadata keyspace = read();
    TableMetadata users = keyspace.table("users").orElseThrow();
    TableMetadata events = keyspace.table("events").orElseThrow();

    Map<String, String> targets = new LinkedHashMap<>();
    users.indexes().forEach((name, index) -> targets.put(name, index.target()));
    assertThat(targets).containsExactly(
        Map.entry("users_age_sai", "age"), Map.entry("users_attr_entries", "entries(attrs)"),
        Map.entry("users_attr_values", "values(attrs)"), Map.entry("users_attrs_idx", "keys(attrs)"),
        Map.entry("users_name_idx", "name"));
    assertThat(users.index("users_name_idx").orElseThrow().kind()).isEqualTo(IndexMetadata.Kind.COMPOSITES);
    assertThat(users.index("users_name_idx").orElseThrow().className()).isEmpty();
    assertThat(events.index("events_fscores_idx").orElseThrow().target()).isEqualTo("full(fscores)");
    assertThat(events.index("mixed_idx").orElseThrow().target()).isEqualTo("\"Mixed Case\"");

    IndexMetadata ann = events.index("events_embedding_ann").orElseThrow();
    assertThat(ann.kind()).isEqualTo(IndexMetadata.Kind.CUSTOM);
    assertThat(ann.className()).hasValue("StorageAttachedIndex");
    assertThat(ann.options()).containsEntry("similarity_function", "dot_product");
    assertThat(ann.describe()).isEqualTo("CREATE CUSTOM INDEX events_embedding_ann ON " + KS + ".events (embedding)"
        + " USING 'StorageAttachedIndex' WITH OPTIONS = {'similarity_function': 'dot_product'};");
  }

  @Test
  @Order(1)
  void should_read_views_functions_aggregates_and_order_nested_types() {
    KeyspaceMetadata keyspace = read();

    ViewMetadata byEmail = keyspace.view("users_by_email").orElseThrow();
    assertThat(byEmail.baseTable()).isEqualTo("users");
    assertThat(byEmail.includesAllColumns()).isFalse();
    assertThat(byEmail.whereClause()).isEqualTo("email IS NOT NULL AND id IS NOT NULL");
    assertThat(byEmail.partitionKey()).extracting(ColumnMetadata::name).containsExactly("email");
    assertThat(byEmail.clusteringOrder()).containsExactly(Map.entry("id", ClusteringOrder.DESC));
    assertThat(keyspace.view("users_by_name").orElseThrow().includesAllColumns()).isTrue();

    assertThat(keyspace.functions()).containsOnlyKeys("greeting(text)", "plus(bigint, bigint)", "plus(int, int)",
        "street_of(address)", "sum_state(int, int)", "twice(int)");
    assertThat(keyspace.function("greeting(text)").orElseThrow().body()).isEqualTo("return \"it's \" + \"Name\";");
    assertThat(keyspace.function("sum_state(int, int)").orElseThrow().calledOnNullInput()).isTrue();
    AggregateMetadata doubleTotal = keyspace.aggregate("double_total(int)").orElseThrow();
    assertThat(doubleTotal.stateFunction()).isEqualTo("sum_state");
    assertThat(doubleTotal.finalFunction()).hasValue("twice");
    assertThat(doubleTotal.returnType()).isEqualTo(DataType.BIGINT);
    assertThat(doubleTotal.initCond()).hasValue("0");

    List<String> statements = SchemaExport.statements(keyspace);
    assertThat(statements.get(0)).startsWith("CREATE KEYSPACE " + KS + " ");
    assertThat(statements.subList(1, 4)).extracting(s -> s.substring(0, s.indexOf(" (")))
        .containsExactly("CREATE TYPE " + KS + ".address", "CREATE TYPE " + KS + ".person",
            "CREATE TYPE " + KS + ".\"Team\"");
    assertThat(statements).allMatch(s -> s.endsWith(";"));
    assertThat(statements.get(statements.size() - 1)).startsWith("CREATE MATERIALIZED VIEW");
    assertThat(keyspace.describe()).isEqualTo(String.join("\n\n", statements));
  }

  /** Cassandra 5.0 answers DESCRIBE as a query: where its layout and ours agree, the texts must match. */
  @Test
  @Order(2)
  void should_match_the_servers_own_describe_for_types_functions_aggregates_and_indexes() {
    KeyspaceMetadata keyspace = read();
    List<String> ours = SchemaExport.statements(keyspace).stream().map(SchemaDescribeIT::normalized).toList();
    int compared = 0;
    for (Row row : session.execute("DESCRIBE KEYSPACE " + KS).all()) {
      String type = row.getString("type");
      if (List.of("keyspace", "type", "function", "aggregate", "index").contains(type)) {
        assertThat(ours).as("server's %s %s", type, row.getString("name"))
            .contains(normalized(row.getString("create_statement")));
        compared++;
      }
    }
    assertThat(compared).isEqualTo(1 + 3 + 6 + 2 + 8);
  }

  @Test
  @Order(5)
  void should_recreate_an_identical_keyspace_from_its_export() {
    KeyspaceMetadata before = read();
    String exported = before.describe();

    session.execute("DROP KEYSPACE " + KS);
    SchemaExport.statements(before).forEach(session::execute);
    KeyspaceMetadata after = read();

    assertThat(after.describe()).isEqualTo(exported);
    assertThat(after.userTypes()).isEqualTo(before.userTypes());
    assertThat(after.functions()).isEqualTo(before.functions());
    assertThat(after.aggregates()).isEqualTo(before.aggregates());
    assertThat(after.table("events").orElseThrow().columns()).isEqualTo(before.table("events").orElseThrow().columns());
  }

  /**
   * Each DDL followed by the SCHEMA_CHANGE it causes, applied as a targeted refresh: the result must
   * equal a fresh read of the keyspace, and a table change must read that table's rows only.
   */
  @Test
  @Order(4)
  void should_apply_targeted_refreshes_that_equal_a_fresh_read() {
    String ks = "it_schema_refresh";
    session.execute("DROP KEYSPACE IF EXISTS " + ks);
    Map<String, KeyspaceMetadata> schema = SchemaRefresh.full(source);
    assertThat(schema).doesNotContainKey(ks).containsKey("system_schema");

    schema = change(schema, ks, "CREATE KEYSPACE " + ks
        + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}", "CREATED", "KEYSPACE", null);
    schema = change(schema, ks, "CREATE TYPE " + ks + ".inner (x int)", "CREATED", "TYPE", "inner");
    schema = change(schema, ks, "CREATE TYPE " + ks + ".outer (i frozen<inner>)", "CREATED", "TYPE", "outer");
    schema = change(schema, ks, "CREATE TABLE " + ks + ".t (k int PRIMARY KEY, o frozen<outer>, n text)",
        "CREATED", "TABLE", "t");
    schema = change(schema, ks, "ALTER TYPE " + ks + ".inner ADD y text", "UPDATED", "TYPE", "inner");
    UserDefinedType outer = (UserDefinedType) type(schema.get(ks).table("t").orElseThrow(), "o");
    assertThat(((UserDefinedType) outer.fieldTypes().get(0)).fieldNames()).containsExactly("x", "y");

    List<String> queries = new java.util.ArrayList<>();
    SchemaSource counting = cql -> {
      queries.add(cql);
      return source.query(cql);
    };
    session.execute("CREATE INDEX t_n ON " + ks + ".t (n)");
    schema = SchemaRefresh.apply(schema, new SchemaChangeResult("UPDATED", "TABLE", ks, "t", List.of()), counting);
    assertThat(queries).hasSize(4).allMatch(q -> q.contains("WHERE keyspace_name = '" + ks + "' AND "));
    assertThat(schema.get(ks).table("t").orElseThrow().index("t_n")).isPresent();

    schema = change(schema, ks, "CREATE MATERIALIZED VIEW " + ks + ".tv AS SELECT k, n FROM " + ks + ".t"
        + " WHERE n IS NOT NULL AND k IS NOT NULL PRIMARY KEY (n, k)", "CREATED", "TABLE", "tv");
    schema = change(schema, ks, "CREATE FUNCTION " + ks + ".f(s int, a int) RETURNS NULL ON NULL INPUT RETURNS int"
        + " LANGUAGE java AS 'return a;'", "CREATED", "FUNCTION", "f");
    schema = change(schema, ks, "CREATE FUNCTION " + ks + ".f(a text) RETURNS NULL ON NULL INPUT RETURNS text"
        + " LANGUAGE java AS 'return a;'", "CREATED", "FUNCTION", "f");
    assertThat(schema.get(ks).functions()).containsOnlyKeys("f(int, int)", "f(text)");
    schema = change(schema, ks, "DROP FUNCTION " + ks + ".f(text)", "DROPPED", "FUNCTION", "f");
    schema = change(schema, ks, "CREATE AGGREGATE " + ks + ".agg(int) SFUNC f STYPE int INITCOND 1", "CREATED", "AGGREGATE",
        "agg");
    schema = change(schema, ks, "DROP AGGREGATE " + ks + ".agg", "DROPPED", "AGGREGATE", "agg");
    schema = change(schema, ks, "DROP MATERIALIZED VIEW " + ks + ".tv", "DROPPED", "TABLE", "tv");
    schema = change(schema, ks, "DROP TABLE " + ks + ".t", "DROPPED", "TABLE", "t");
    assertThat(schema.get(ks).tables()).isEmpty();
    assertThat(schema.get(ks).functions()).containsOnlyKeys("f(int, int)");

    session.execute("DROP KEYSPACE " + ks);
    schema = SchemaRefresh.apply(schema, new SchemaChangeResult("DROPPED", "KEYSPACE", ks, null, List.of()), source);
    assertThat(schema).doesNotContainKey(ks).containsKey("system_schema");
  }

  private static Map<String, KeyspaceMetadata> change(
      Map<String, KeyspaceMetadata> schema, String ks, String ddl, String changeType, String target, String name) {
    session.execute(ddl);
    Map<String, KeyspaceMetadata> next =
        SchemaRefresh.apply(schema, new SchemaChangeResult(changeType, target, ks, name, List.of()), source);
    assertThat(next.get(ks)).as("after %s", ddl).isEqualTo(SchemaParser.parseKeyspace(
        SchemaQueries.keyspace(source, ks), ks).orElseThrow());
    assertThat(schema).as("the map given is left as it was").isNotSameAs(next);
    return next;
  }

  private static DataType type(TableMetadata table, String column) {
    return table.column(column).orElseThrow().type();
  }

  private static UserDefinedType frozen(UserDefinedType type) {
    return new UserDefinedType(type.keyspace(), type.name(), type.fieldNames(), type.fieldTypes(), true);
  }

  /** Whitespace differs (Cassandra writes "}  AND" and breaks lines elsewhere); words and symbols may not. */
  private static String normalized(String cql) {
    return cql.replaceAll("\\s+", " ").replace("( ", "(").replace(" )", ")").strip();
  }
}
