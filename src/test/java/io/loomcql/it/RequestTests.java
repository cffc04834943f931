package io.loomcql.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loomcql.BatchStatement;
import io.loomcql.BatchType;
import io.loomcql.Cluster;
import io.loomcql.ConsistencyLevel;
import io.loomcql.PreparedStatement;
import io.loomcql.ProtocolVersion;
import io.loomcql.QueryTrace;
import io.loomcql.ResultSet;
import io.loomcql.Row;
import io.loomcql.Session;
import io.loomcql.SimpleStatement;
import io.loomcql.error.QueryExhaustedException;
import io.loomcql.testkit.CassandraExtension;
import io.loomcql.testkit.TestKeyspaces;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Request execution end to end on real Cassandra 5.0 (one node: {@link RequestIT}; the 3-node
 * cluster: {@code RequestClusterIT}): paging over 10,000 rows (sync, async,
 * resumed), tracing, lightweight transactions, batches, and a prepared {@code SELECT *} that sees
 * a column added after it was prepared (v5 result metadata ids).
 */
@ExtendWith(CassandraExtension.class)
public abstract class RequestTests {
  private static final String KEYSPACE = "it_request";
  private static final int ROWS = 10_000;

  private static Cluster cluster;
  private static Session session;

  /** Connects and loads the 10,000 rows; each concrete class calls it from its {@code @BeforeAll}. */
  protected static void setUp(InetSocketAddress contactPoint) {
    cluster = Cluster.builder().addContactPoints(contactPoint).build();
    try (Session admin = cluster.connect()) {
      TestKeyspaces.recreate(admin, KEYSPACE);
    }
    session = cluster.connect(KEYSPACE);
    session.execute("CREATE TABLE rows10k (p int, c int, v text, PRIMARY KEY (p, c))");
    PreparedStatement insert = session.prepare("INSERT INTO rows10k (p, c, v) VALUES (0, ?, ?)");
    List<io.loomcql.Statement<?>> inserts = new ArrayList<>(ROWS);
    for (int c = 0; c < ROWS; c++) {
      inserts.add(insert.bind(c, "v" + c));
    }
    assertThat(session.executeConcurrent(inserts, 256)).hasSize(ROWS);
  }

  @AfterAll
  static void close() {
    if (cluster != null) {
      cluster.close();
    }
  }

  private static SimpleStatement selectAll() {
    return SimpleStatement.newInstance("SELECT c FROM rows10k WHERE p = 0").setPageSize(1_000);
  }

  @Test
  void should_iterate_10000_rows_across_pages_in_order() {
    ResultSet rs = session.execute(selectAll());
    assertThat(rs.currentPageSize()).isEqualTo(1_000);
    int expected = 0;
    for (Row row : rs) {
      assertThat(row.getInt(0)).isEqualTo(expected++);
    }
    assertThat(expected).isEqualTo(ROWS);
  }

  @Test
  void should_page_asynchronously_page_by_page() throws Exception {
    ResultSet page = session.executeAsync(selectAll()).get(10, TimeUnit.SECONDS);
    int count = page.currentPageSize();
    int pages = 1;
    while (page.hasMorePages()) {
      page = page.fetchNextPageAsync().get(10, TimeUnit.SECONDS);
      count += page.currentPageSize();
      pages++;
    }
    assertThat(count).isEqualTo(ROWS);
    assertThat(pages).isBetween(10, 11); // the last page may come back empty
    ResultSet last = page;
    assertThatThrownBy(last::fetchNextPage)
        .isInstanceOfSatisfying(QueryExhaustedException.class, e -> assertThat(e.lastHost()).isNotNull());
  }

  @Test
  void should_resume_from_a_saved_paging_state() {
    ResultSet first = session.execute(selectAll());
    ByteBuffer saved = first.pagingState();
    assertThat(saved).isNotNull();
    byte[] copy = new byte[saved.remaining()];
    saved.get(copy); // as an application would keep it between two web requests

    ResultSet resumed = session.execute(selectAll().setPagingState(ByteBuffer.wrap(copy)));
    assertThat(resumed.currentRows().get(0).getInt(0)).isEqualTo(1_000);
    assertThat(resumed.stream().count()).isEqualTo(ROWS - 1_000);
  }

  @Test
  void should_return_the_trace_of_a_traced_query_with_its_events() {
    ResultSet rs = session.execute(SimpleStatement.newInstance("SELECT c FROM rows10k WHERE p = 0 LIMIT 5").setTracing(true));
    assertThat(rs.executionInfo().tracingId()).isNotNull();
    QueryTrace trace = rs.executionInfo().queryTrace(Duration.ofSeconds(10));
    assertThat(trace.sessionId()).isEqualTo(rs.executionInfo().tracingId());
    assertThat(trace.coordinator()).isEqualTo(rs.executionInfo().coordinator().address().getAddress());
    assertThat(trace.duration()).isPositive();
    assertThat(trace.requestType()).containsIgnoringCase("query");
    assertThat(trace.parameters()).containsKey("query");
    assertThat(trace.events()).isNotEmpty().allSatisfy(event -> {
      assertThat(event.description()).isNotBlank();
      assertThat(event.source()).isNotNull();
    });
    assertThat(trace.startedAt()).isNotNull();

    ResultSet untraced = session.execute("SELECT c FROM rows10k WHERE p = 0 LIMIT 1");
    assertThatThrownBy(() -> untraced.executionInfo().queryTrace()).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void should_report_an_lwt_insert_as_applied_then_not_applied() {
    session.execute("CREATE TABLE IF NOT EXISTS users (id int PRIMARY KEY, name text)");
    SimpleStatement insert = SimpleStatement.newInstance("INSERT INTO users (id, name) VALUES (1, 'alice') IF NOT EXISTS")
        .setSerialConsistencyLevel(ConsistencyLevel.LOCAL_SERIAL);
    ResultSet first = session.execute(insert);
    assertThat(first.wasApplied()).isTrue();
    ResultSet second = session.execute(insert);
    assertThat(second.wasApplied()).isFalse();
    assertThat(second.one().getString("name")).isEqualTo("alice"); // the row that won
  }

  @Test
  void should_apply_a_logged_batch_and_an_unlogged_one() {
    session.execute("CREATE TABLE IF NOT EXISTS pairs (k int PRIMARY KEY, v int)");
    PreparedStatement put = session.prepare("INSERT INTO pairs (k, v) VALUES (?, ?)");
    session.execute(BatchStatement.newInstance(BatchType.LOGGED)
        .add(put.bind(1, 10)).add(SimpleStatement.newInstance("INSERT INTO pairs (k, v) VALUES (2, 20)")));
    session.execute(BatchStatement.newInstance(BatchType.UNLOGGED).add(put.bind(3, 30)).add(put.bind(4, 40)));
    assertThat(session.execute("SELECT v FROM pairs WHERE k IN (1, 2, 3, 4)").all())
        .extracting(row -> row.getInt(0)).containsExactlyInAnyOrder(10, 20, 30, 40);
  }

  @Test
  void should_read_with_the_now_in_seconds_the_statement_gives_on_v5() {
    session.execute("CREATE TABLE IF NOT EXISTS expiring (k int PRIMARY KEY, v text)");
    session.execute("INSERT INTO expiring (k, v) VALUES (1, 'short-lived') USING TTL 60");
    int now = (int) (System.currentTimeMillis() / 1000);
    SimpleStatement read = SimpleStatement.newInstance("SELECT v FROM expiring WHERE k = 1");
    assertThat(session.execute(read.setNowInSeconds(now)).one()).isNotNull();
    assertThat(session.execute(read.setNowInSeconds(now + 120)).one()).as("two minutes later the TTL has passed").isNull();
  }

  @Test
  void should_fetch_the_trace_from_the_response_future() throws Exception {
    QueryTrace trace = session.executeAsync(SimpleStatement.newInstance("SELECT c FROM rows10k WHERE p = 0 LIMIT 1")
            .setTracing(true))
        .queryTrace(Duration.ofSeconds(10));
    assertThat(trace.events()).isNotEmpty();
  }

  @Test
  void should_see_a_column_added_after_a_select_star_was_prepared_on_v5() {
    assertThat(cluster.protocolVersion()).isEqualTo(ProtocolVersion.V5);
    session.execute("CREATE TABLE growing (k int PRIMARY KEY, a text)");
    session.execute("INSERT INTO growing (k, a) VALUES (1, 'x')");
    PreparedStatement select = session.prepare("SELECT * FROM growing WHERE k = ?");
    assertThat(session.execute(select.bind(1)).columnNames()).containsExactly("k", "a");

    session.execute("ALTER TABLE growing ADD b int");
    session.execute("UPDATE growing SET b = 7 WHERE k = 1");
    Row row = session.execute(select.bind(1)).one();
    assertThat(row.columnDefinitions().size()).isEqualTo(3);
    assertThat(row.getInt("b")).isEqualTo(7);
    assertThat(session.execute(select.bind(1)).columnNames()).containsExactly("k", "a", "b");
  }
}
