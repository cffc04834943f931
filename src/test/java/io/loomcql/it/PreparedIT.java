package io.loomcql.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loomcql.BatchStatement;
import io.loomcql.BatchType;
import io.loomcql.BoundStatement;
import io.loomcql.Cluster;
import io.loomcql.PreparedStatement;
import io.loomcql.ResultSet;
import io.loomcql.Row;
import io.loomcql.Session;
import io.loomcql.SimpleStatement;
import io.loomcql.Statement;
import io.loomcql.Unset;
import io.loomcql.error.InvalidQueryException;
import io.loomcql.error.SyntaxError;
import io.loomcql.testkit.CassandraExtension;
import io.loomcql.testkit.TestKeyspaces;
import io.loomcql.type.DataType;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Prepared statements, binding checks, batches and concurrent execution on a real node. */
@ExtendWith(CassandraExtension.class)
class PreparedIT {
  private static final String KEYSPACE = "it_prepared";

  private static Cluster cluster;
  private static Session session;

  @BeforeAll
  static void connect(InetSocketAddress contactPoint) {
    cluster = Cluster.builder().addContactPoints(contactPoint).build();
    try (Session admin = cluster.connect()) {
      TestKeyspaces.recreate(admin, KEYSPACE);
    }
    session = cluster.connect(KEYSPACE);
    session.execute("CREATE TABLE users (id uuid PRIMARY KEY, name text, age int, joined timestamp, avatar blob)");
    session.execute("CREATE TABLE events (tenant text, day int, seq bigint, note text, PRIMARY KEY ((tenant, day), seq))");
  }

  @AfterAll
  static void close() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void should_prepare_bind_and_read_back() {
    PreparedStatement insert =
        session.prepare("INSERT INTO users (id, name, age, joined, avatar) VALUES (?, ?, ?, ?, ?)");
    assertThat(insert.variableDefinitions().names()).containsExactly("id", "name", "age", "joined", "avatar");
    assertThat(insert.variableDefinitions().types())
        .containsExactly(DataType.UUID, DataType.TEXT, DataType.INT, DataType.TIMESTAMP, DataType.BLOB);
    assertThat(insert.partitionKeyIndices()).containsExactly(0);

    UUID id = UUID.randomUUID();
    Instant joined = Instant.parse("2024-02-29T12:00:00Z");
    session.execute(insert.bind(id, "Ada", 36, joined, new byte[] {1, 2, 3}));

    PreparedStatement select = session.prepare("SELECT name, age, joined, avatar FROM users WHERE id = ?");
    assertThat(select.resultDefinitions().names()).containsExactly("name", "age", "joined", "avatar");
    Row row = session.execute(select.bind(id)).one();
    assertThat(row.getString("name")).isEqualTo("Ada");
    assertThat(row.getInt("age")).isEqualTo(36);
    assertThat(row.getInstant("joined")).isEqualTo(joined);
    assertThat(row.getByteBuffer("avatar")).isEqualTo(ByteBuffer.wrap(new byte[] {1, 2, 3}));
  }

  @Test
  void should_return_the_same_prepared_statement_for_the_same_query() {
    String cql = "SELECT name FROM users WHERE id = ?";
    assertThat(session.prepare(cql)).isSameAs(session.prepare(cql));
  }

  @Test
  void should_route_by_the_bound_partition_key() {
    PreparedStatement insert = session.prepare("INSERT INTO events (tenant, day, seq, note) VALUES (?, ?, ?, ?)");
    assertThat(insert.partitionKeyIndices()).containsExactly(0, 1);
    BoundStatement bound = insert.bind("acme", 20261125, 1L, "hello");
    ByteBuffer key = bound.routingKey();
    // composite key: [short len]["acme"][0] [short len][int][0]
    assertThat(key.remaining()).isEqualTo(2 + 4 + 1 + 2 + 4 + 1);
    assertThat(key.getShort(0)).isEqualTo((short) 4);
  }

  @Test
  void should_refuse_a_value_of_the_wrong_type_before_sending() {
    PreparedStatement insert = session.prepare("INSERT INTO users (id, name, age) VALUES (?, ?, ?)");
    assertThatThrownBy(() -> insert.bind(UUID.randomUUID(), "Bob", "thirty"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'age'")
        .hasMessageContaining("int")
        .hasMessageContaining("java.lang.String");
    assertThatThrownBy(() -> insert.bind(UUID.randomUUID(), "Bob", 30, "extra"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("too many values");
    PreparedStatement small = session.prepare("SELECT * FROM users WHERE id = ?");
    assertThatThrownBy(() -> small.bind("not-a-uuid"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("uuid");
  }

  @Test
  void should_leave_unbound_markers_unset() {
    UUID id = UUID.randomUUID();
    session.execute("INSERT INTO users (id, name, age) VALUES (?, ?, ?)", id, "Cy", 40);
    PreparedStatement update = session.prepare("INSERT INTO users (id, name, age) VALUES (?, ?, ?)");
    session.execute(update.bind(id, Unset.VALUE, 41)); // name untouched
    session.execute(update.bind(id, "Cyd")); // age untouched (fewer values than markers)
    Row row = session.execute("SELECT name, age FROM users WHERE id = ?", id).one();
    assertThat(row.getString("name")).isEqualTo("Cyd");
    assertThat(row.getInt("age")).isEqualTo(41);
  }

  @Test
  void should_bind_by_name_with_the_builder() {
    PreparedStatement insert = session.prepare("INSERT INTO users (id, name, age) VALUES (:id, :name, :age)");
    UUID id = UUID.randomUUID();
    session.execute(
        insert.boundStatementBuilder().set("id", id, UUID.class).set("name", "Dee", String.class).set("age", 22).build());
    assertThat(session.execute("SELECT name FROM users WHERE id = ?", id).one().getString(0)).isEqualTo("Dee");
  }

  @Test
  void should_report_errors_from_prepare() {
    assertThatThrownBy(() -> session.prepare("SELEC x FROM users")).isInstanceOf(SyntaxError.class);
    assertThatThrownBy(() -> session.prepare("SELECT * FROM missing_table WHERE id = ?"))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessageContaining("missing_table");
  }

  @Test
  void should_apply_a_batch_of_simple_and_bound_statements() {
    PreparedStatement insert = session.prepare("INSERT INTO events (tenant, day, seq, note) VALUES (?, ?, ?, ?)");
    BatchStatement batch =
        BatchStatement.newInstance(BatchType.LOGGED)
            .add(insert.bind("batch", 1, 1L, "one"))
            .add(insert.bind("batch", 1, 2L, "two"))
            .add(SimpleStatement.newInstance(
                "INSERT INTO events (tenant, day, seq, note) VALUES (?, ?, ?, ?)", "batch", 1, 3L, "three"));
    session.execute(batch);
    List<String> notes =
        session.execute("SELECT note FROM events WHERE tenant = 'batch' AND day = 1").stream()
            .map(r -> r.getString("note"))
            .toList();
    assertThat(notes).containsExactly("one", "two", "three");
  }

  @Test
  void should_execute_concurrently_and_keep_the_input_order() {
    PreparedStatement insert = session.prepare("INSERT INTO events (tenant, day, seq, note) VALUES (?, ?, ?, ?)");
    List<Statement<?>> inserts = new ArrayList<>();
    for (long seq = 0; seq < 200; seq++) {
      inserts.add(insert.bind("concurrent", 2, seq, "n" + seq));
    }
    assertThat(session.executeConcurrent(inserts, 32)).hasSize(200);

    PreparedStatement select = session.prepare("SELECT note FROM events WHERE tenant = ? AND day = ? AND seq = ?");
    List<Statement<?>> selects = new ArrayList<>();
    for (long seq = 0; seq < 200; seq++) {
      selects.add(select.bind("concurrent", 2, seq));
    }
    List<ResultSet> results = session.executeConcurrent(selects, 50);
    for (int i = 0; i < 200; i++) {
      assertThat(results.get(i).one().getString("note")).isEqualTo("n" + i);
    }
  }

  @Test
  void should_throw_the_first_failure_of_a_concurrent_execution() {
    List<Statement<?>> statements =
        List.of(
            SimpleStatement.newInstance("SELECT * FROM users LIMIT 1"),
            SimpleStatement.newInstance("SELECT * FROM nope"),
            SimpleStatement.newInstance("SELECT * FROM users LIMIT 1"));
    assertThatThrownBy(() -> session.executeConcurrent(statements, 1)).isInstanceOf(InvalidQueryException.class);
  }

  @Test
  void should_page_a_prepared_select() {
    PreparedStatement insert = session.prepare("INSERT INTO events (tenant, day, seq, note) VALUES (?, ?, ?, ?)");
    for (long seq = 0; seq < 30; seq++) {
      session.execute(insert.bind("paged", 3, seq, "p" + seq));
    }
    PreparedStatement select = session.prepare("SELECT seq FROM events WHERE tenant = ? AND day = ?");
    ResultSet rs = session.execute(select.bind("paged", 3).setPageSize(7));
    assertThat(rs.currentPageSize()).isEqualTo(7);
    assertThat(rs.all()).hasSize(30);
  }

  @Test
  void should_reprepare_transparently_when_the_node_forgot_the_statement() {
    session.execute("CREATE TABLE volatile_t (k int PRIMARY KEY, v text)");
    PreparedStatement select = session.prepare("SELECT v FROM volatile_t WHERE k = ?");
    session.execute("INSERT INTO volatile_t (k, v) VALUES (1, 'before')");
    assertThat(session.execute(select.bind(1)).one().getString("v")).isEqualTo("before");

    // Dropping the table evicts its prepared statements on the node: the next EXECUTE is UNPREPARED.
    session.execute("DROP TABLE volatile_t");
    session.execute("CREATE TABLE volatile_t (k int PRIMARY KEY, v text)");
    session.execute("INSERT INTO volatile_t (k, v) VALUES (1, 'after')");

    assertThat(session.execute(select.bind(1)).one().getString("v")).isEqualTo("after");
  }
}
