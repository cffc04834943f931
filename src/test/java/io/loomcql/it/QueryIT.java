package io.loomcql.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loomcql.Cluster;
import io.loomcql.ResultSet;
import io.loomcql.Row;
import io.loomcql.Session;
import io.loomcql.SimpleStatement;
import io.loomcql.error.InvalidQueryException;
import io.loomcql.error.QueryExhaustedException;
import io.loomcql.error.SyntaxError;
import io.loomcql.metadata.Host;
import io.loomcql.testkit.CassandraExtension;
import io.loomcql.testkit.TestKeyspaces;
import io.loomcql.type.DataType;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The first query end to end, against a real Cassandra 5.0 node. */
@ExtendWith(CassandraExtension.class)
class QueryIT {
  private static final String KEYSPACE = "it_query";

  private static Cluster cluster;
  private static Session session;

  @BeforeAll
  static void connect(InetSocketAddress contactPoint) {
    cluster = Cluster.builder().addContactPoints(contactPoint).withConnectionsPerHost(1).build();
    try (Session admin = cluster.connect()) {
      TestKeyspaces.recreate(admin, KEYSPACE);
    }
    session = cluster.connect(KEYSPACE);
    session.execute(
        "CREATE TABLE all_types (id int PRIMARY KEY, t text, i int, b bigint, bo boolean, d double, u uuid,"
            + " ts timestamp, bl blob)");
    session.execute("CREATE TABLE kv (k int PRIMARY KEY, v text)");
    session.execute("CREATE TABLE paged (p int, c int, v text, PRIMARY KEY (p, c))");
  }

  @AfterAll
  static void close() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void should_insert_and_select_every_basic_type() {
    UUID uuid = UUID.randomUUID();
    Instant timestamp = Instant.parse("2026-11-25T04:00:00.123Z");
    byte[] blob = {0, 1, 2, (byte) 0xFF};
    session.execute(
        "INSERT INTO all_types (id, t, i, b, bo, d, u, ts, bl) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        1, "héllo wörld 中", Integer.MIN_VALUE, Long.MAX_VALUE, true, Math.PI, uuid, timestamp, ByteBuffer.wrap(blob));

    ResultSet result = session.execute("SELECT id, t, i, b, bo, d, u, ts, bl FROM all_types WHERE id = ?", 1);

    assertThat(result.columnNames()).containsExactly("id", "t", "i", "b", "bo", "d", "u", "ts", "bl");
    assertThat(result.columnTypes())
        .containsExactly(DataType.INT, DataType.TEXT, DataType.INT, DataType.BIGINT, DataType.BOOLEAN, DataType.DOUBLE,
            DataType.UUID, DataType.TIMESTAMP, DataType.BLOB);
    Row row = result.one();
    assertThat(row.getInt("id")).isEqualTo(1);
    assertThat(row.getString("t")).isEqualTo("héllo wörld 中");
    assertThat(row.getInt("I")).as("names are case-insensitive").isEqualTo(Integer.MIN_VALUE);
    assertThat(row.getLong("b")).isEqualTo(Long.MAX_VALUE);
    assertThat(row.getBoolean("bo")).isTrue();
    assertThat(row.getDouble("d")).isEqualTo(Math.PI);
    assertThat(row.getUuid("u")).isEqualTo(uuid);
    assertThat(row.getInstant("ts")).isEqualTo(timestamp);
    assertThat(row.getByteBuffer("bl")).isEqualTo(ByteBuffer.wrap(blob));
    assertThat(row.getString(1)).isEqualTo(row.getString("t"));
    assertThat(row.getObject("b")).isEqualTo(Long.MAX_VALUE);
    assertThat(row.get("u", UUID.class)).isEqualTo(uuid);
    assertThat(result.one()).isNull();
  }

  @Test
  void should_read_nulls_as_null_and_zero() {
    session.execute("INSERT INTO all_types (id, t, i) VALUES (?, ?, ?)", 2, null, null);
    Row row = session.execute("SELECT * FROM all_types WHERE id = 2").one();
    assertThat(row.isNull("t")).isTrue();
    assertThat(row.getString("t")).isNull();
    assertThat(row.isNull("i")).isTrue();
    assertThat(row.getInt("i")).isZero();
    assertThat(row.getUuid("u")).isNull();
  }

  @Test
  void should_name_the_column_and_both_types_when_a_getter_does_not_fit() {
    session.execute("INSERT INTO kv (k, v) VALUES (1, 'one')");
    Row row = session.execute("SELECT k, v FROM kv WHERE k = 1").one();
    assertThatThrownBy(() -> row.getInt("v"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'v'")
        .hasMessageContaining("text")
        .hasMessageContaining("int");
    assertThatThrownBy(() -> row.getString("missing"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("missing")
        .hasMessageContaining("[k, v]");
  }

  @Test
  void should_bind_named_values() {
    session.execute("INSERT INTO kv (k, v) VALUES (:k, :v)", Map.of("k", 7, "v", "seven"));
    assertThat(session.execute("SELECT v FROM kv WHERE k = :k", Map.of("k", 7)).one().getString(0)).isEqualTo("seven");
  }

  @Test
  void should_report_a_syntax_error_with_the_server_message() {
    assertThatThrownBy(() -> session.execute("SELEC * FROM kv"))
        .isInstanceOfSatisfying(
            SyntaxError.class,
            e -> {
              assertThat(e.serverMessage()).containsIgnoringCase("SELEC");
              assertThat(e.coordinator()).isNotNull();
              assertThat(e.getMessage()).contains(e.serverMessage());
            });
  }

  @Test
  void should_report_an_unknown_table_as_invalid_query() {
    assertThatThrownBy(() -> session.execute("SELECT * FROM no_such_table"))
        .isInstanceOfSatisfying(
            InvalidQueryException.class, e -> assertThat(e.serverMessage()).contains("no_such_table"));
  }

  @Test
  void should_complete_1000_concurrent_executes_from_virtual_threads_over_one_connection() throws Exception {
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> writes = new ArrayList<>();
      for (int i = 0; i < 1000; i++) {
        int key = 1000 + i;
        writes.add(threads.submit(() -> session.execute("INSERT INTO kv (k, v) VALUES (?, ?)", key, "value-" + key)));
      }
      for (Future<?> write : writes) {
        write.get(60, TimeUnit.SECONDS);
      }
      List<Future<String>> reads = new ArrayList<>();
      for (int i = 0; i < 1000; i++) {
        int key = 1000 + i;
        reads.add(threads.submit(() -> session.execute("SELECT v FROM kv WHERE k = ?", key).one().getString("v")));
      }
      for (int i = 0; i < 1000; i++) {
        assertThat(reads.get(i).get(60, TimeUnit.SECONDS)).isEqualTo("value-" + (1000 + i));
      }
    }
  }

  @Test
  void should_execute_asynchronously_and_compose() {
    session.execute("INSERT INTO kv (k, v) VALUES (42, 'answer')");
    String value =
        session.executeAsync("SELECT v FROM kv WHERE k = ?", 42).thenApply(rs -> rs.one().getString("v")).join();
    assertThat(value).isEqualTo("answer");
    assertThatThrownBy(() -> session.executeAsync("SELEC oops").result()).isInstanceOf(SyntaxError.class);
  }

  @Test
  void should_iterate_across_pages() {
    for (int c = 0; c < 25; c++) {
      session.execute("INSERT INTO paged (p, c, v) VALUES (1, ?, ?)", c, "v" + c);
    }
    ResultSet first = session.execute(SimpleStatement.newInstance("SELECT c FROM paged WHERE p = 1").setPageSize(10));
    assertThat(first.currentPageSize()).isEqualTo(10);
    assertThat(first.hasMorePages()).isTrue();

    List<Integer> all = first.stream().map(row -> row.getInt("c")).toList();
    assertThat(all).hasSize(25).startsWith(0, 1, 2).endsWith(24);

    ResultSet second = first.fetchNextPage();
    ResultSet third = second.fetchNextPage();
    assertThat(third.currentPageSize()).isEqualTo(5);
    assertThat(third.hasMorePages()).isFalse();
    assertThatThrownBy(third::fetchNextPage).isInstanceOf(QueryExhaustedException.class);
  }

  @Test
  void should_switch_keyspace_with_use() {
    try (Session other = cluster.connect()) {
      assertThat(other.keyspace()).isNull();
      other.setKeyspace(KEYSPACE);
      assertThat(other.keyspace()).isEqualTo(KEYSPACE);
      other.execute("INSERT INTO kv (k, v) VALUES (99, 'in keyspace')");
      assertThat(other.execute("SELECT v FROM kv WHERE k = 99").one().getString("v")).isEqualTo("in keyspace");
    }
  }

  @Test
  void should_describe_the_node_it_connected_to() {
    Host host = session.hosts().iterator().next();
    assertThat(host.releaseVersion()).startsWith("5.0");
    assertThat(host.datacenter()).isNotBlank();
    assertThat(host.hostId()).isNotNull();
    assertThat(host.tokens()).isNotEmpty();
  }

  @Test
  void should_refuse_to_execute_on_a_closed_session() {
    Session closed = cluster.connect(KEYSPACE);
    closed.close();
    assertThatThrownBy(() -> closed.execute("SELECT * FROM kv"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    assertThat(closed.isClosed()).isTrue();
  }
}
