package io.loomcql.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.loomcql.BatchStatement;
import io.loomcql.BatchType;
import io.loomcql.Cluster;
import io.loomcql.PreparedStatement;
import io.loomcql.ResponseFuture;
import io.loomcql.ResultSet;
import io.loomcql.Session;
import io.loomcql.SimpleStatement;
import io.loomcql.Statement;
import io.loomcql.testkit.CassandraExtension;
import io.loomcql.testkit.TestKeyspaces;
import io.loomcql.testkit.PinningRecorder;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * No virtual thread pins inside the driver on the request paths against a real node: connect,
 * simple and prepared statements, a batch, paging, async, concurrent execution, close. See
 * {@link PinningRecorder} for which JDKs see which pins (on 21 also blocking under synchronized).
 */
@ExtendWith(CassandraExtension.class)
class PinningIT {
  private static final String KEYSPACE = "it_pinning";
  private static final int CALLERS = 2_000;

  private static InetSocketAddress node;
  private static Cluster cluster;
  private static Session session;

  @BeforeAll
  static void connect(InetSocketAddress contactPoint) {
    node = contactPoint;
    cluster = Cluster.builder().addContactPoints(contactPoint).build();
    try (Session admin = cluster.connect()) {
      TestKeyspaces.recreate(admin, KEYSPACE);
    }
    session = cluster.connect(KEYSPACE);
    session.execute("CREATE TABLE kv (k int PRIMARY KEY, v text)");
    session.execute("CREATE TABLE paged (p int, c int, v text, PRIMARY KEY (p, c))");
    warmUp();
  }

  /**
   * Runs every request path once, concurrently on virtual threads, before anything is recorded.
   * The first execution of a call site (class initialization, linking a pattern switch) can pin a
   * virtual thread for microseconds, once per JVM; what these tests guard is the steady state,
   * where a pin would mean blocking under a monitor.
   */
  private static void warmUp() {
    PreparedStatement insert = session.prepare("INSERT INTO kv (k, v) VALUES (?, ?)");
    List<Statement<?>> statements = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      statements.add(insert.bind(-1 - i, "warm"));
      statements.add(SimpleStatement.newInstance("SELECT v FROM kv WHERE k = ?", -1 - i));
    }
    session.executeConcurrent(statements, 64);
    session.execute(BatchStatement.newInstance(BatchType.UNLOGGED, insert.bind(-1000, "warm")));
    session.execute(SimpleStatement.newInstance("SELECT * FROM paged WHERE p = -1").setPageSize(1)).all();
    List<ResponseFuture> async = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      async.add(session.executeAsync("SELECT v FROM kv WHERE k = ?", -1 - i));
    }
    async.forEach(ResponseFuture::join);
  }

  @AfterAll
  static void close() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void should_not_pin_when_a_cluster_connects_queries_and_closes() {
    try (PinningRecorder pins = PinningRecorder.start();
        Cluster own = Cluster.builder().addContactPoints(node).build();
        Session other = own.connect()) {
      other.setKeyspace(KEYSPACE);
      assertThat(other.execute("SELECT release_version FROM system.local").one().getString(0)).isNotBlank();
    }
  }

  @Test
  void should_not_pin_when_2000_virtual_threads_execute_simple_statements() throws Exception {
    try (PinningRecorder pins = PinningRecorder.start();
        ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<String>> answers = new ArrayList<>();
      for (int i = 0; i < CALLERS; i++) {
        int k = i;
        answers.add(callers.submit(() -> {
          session.execute("INSERT INTO kv (k, v) VALUES (?, ?)", k, "simple-" + k);
          return session.execute("SELECT v FROM kv WHERE k = ?", k).one().getString(0);
        }));
      }
      for (int i = 0; i < CALLERS; i++) {
        assertThat(answers.get(i).get(60, TimeUnit.SECONDS)).isEqualTo("simple-" + i);
      }
    }
  }

  @Test
  void should_not_pin_when_2000_virtual_threads_prepare_and_execute_bound_statements() throws Exception {
    try (PinningRecorder pins = PinningRecorder.start();
        ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<String>> answers = new ArrayList<>();
      for (int i = 0; i < CALLERS; i++) {
        int k = 10_000 + i;
        answers.add(callers.submit(() -> {
          PreparedStatement insert = session.prepare("INSERT INTO kv (k, v) VALUES (?, ?)");
          PreparedStatement select = session.prepare("SELECT v FROM kv WHERE k = ?");
          session.execute(insert.bind(k, "prepared-" + k));
          return session.execute(select.bind(k)).one().getString(0);
        }));
      }
      for (int i = 0; i < CALLERS; i++) {
        assertThat(answers.get(i).get(60, TimeUnit.SECONDS)).isEqualTo("prepared-" + (10_000 + i));
      }
    }
  }

  @Test
  void should_not_pin_when_executing_a_batch_and_paging_through_the_rows() {
    try (PinningRecorder pins = PinningRecorder.start()) {
      PreparedStatement insert = session.prepare("INSERT INTO paged (p, c, v) VALUES (?, ?, ?)");
      BatchStatement batch = BatchStatement.newInstance(BatchType.UNLOGGED);
      for (int c = 0; c < 50; c++) {
        batch = batch.add(insert.bind(1, c, "v" + c));
      }
      batch = batch.add(SimpleStatement.newInstance("INSERT INTO paged (p, c, v) VALUES (?, ?, ?)", 1, 50, "v50"));
      session.execute(batch);

      ResultSet first = session.execute(SimpleStatement.newInstance("SELECT c FROM paged WHERE p = 1").setPageSize(7));
      assertThat(first.hasMorePages()).isTrue();
      assertThat(first.stream().map(row -> row.getInt(0)).toList()).hasSize(51).startsWith(0, 1).endsWith(50);
      PreparedStatement select = session.prepare("SELECT c FROM paged WHERE p = ?");
      assertThat(session.execute(select.bind(1).setPageSize(10)).all()).hasSize(51);
      ResultSet page = session.executeAsync(select.bind(1).setPageSize(20)).result();
      assertThat(page.fetchNextPageAsync().join().currentPageSize()).isEqualTo(20);
    }
  }

  @Test
  void should_not_pin_when_2000_requests_are_executed_asynchronously() throws Exception {
    try (PinningRecorder pins = PinningRecorder.start()) {
      PreparedStatement select = session.prepareAsync("SELECT v FROM kv WHERE k = ?").get(30, TimeUnit.SECONDS);
      List<ResponseFuture> writes = new ArrayList<>();
      for (int i = 0; i < CALLERS; i++) {
        writes.add(session.executeAsync("INSERT INTO kv (k, v) VALUES (?, ?)", 20_000 + i, "async-" + i));
      }
      for (ResponseFuture write : writes) {
        write.get(60, TimeUnit.SECONDS);
      }
      List<Future<String>> reads = new ArrayList<>();
      for (int i = 0; i < CALLERS; i++) {
        reads.add(session.executeAsync(select.bind(20_000 + i)).thenApply(rs -> rs.one().getString(0)));
      }
      for (int i = 0; i < CALLERS; i++) {
        assertThat(reads.get(i).get(60, TimeUnit.SECONDS)).isEqualTo("async-" + i);
      }
    }
  }

  @Test
  void should_not_pin_when_executing_concurrently_with_a_bound_in_flight() {
    try (PinningRecorder pins = PinningRecorder.start()) {
      PreparedStatement insert = session.prepare("INSERT INTO kv (k, v) VALUES (?, ?)");
      List<Statement<?>> statements = new ArrayList<>();
      for (int i = 0; i < CALLERS; i++) {
        statements.add(insert.bind(30_000 + i, "concurrent-" + i));
      }
      assertThat(session.executeConcurrent(statements, 128)).hasSize(CALLERS);
    }
  }
}
