package io.loomcql;

import static org.assertj.core.api.Assertions.assertThat;

import io.loomcql.testkit.FakeNode;
import io.loomcql.testkit.PinningRecorder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * No virtual thread pins inside the driver on the request paths (connect, execute, executeAsync,
 * executeConcurrent, close) against the fake node. See {@link PinningRecorder} for which JDKs
 * can see which pins: on JDK 21 this also catches blocking under {@code synchronized}.
 */
class PinningTest {
  private static final int CALLERS = 2_000;

  /**
   * The first execution of a call site (class initialization, linking a pattern switch) can pin a
   * virtual thread for microseconds, once per JVM: warm the paths up unrecorded, so the tests
   * guard the steady state, where a pin would mean blocking under a monitor.
   */
  @org.junit.jupiter.api.BeforeAll
  static void warmUp() throws Exception {
    try (FakeNode node = new FakeNode();
        Cluster cluster = Cluster.builder().addContactPoints(node.address()).build();
        Session session = cluster.connect();
        ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> warm = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        String cql = "warm " + i;
        warm.add(callers.submit(() -> session.execute(cql).one().getString(0)));
        warm.add(session.executeAsync(cql));
      }
      for (Future<?> future : warm) {
        future.get(30, TimeUnit.SECONDS);
      }
      session.executeConcurrent(List.of(SimpleStatement.newInstance("warm")), 1);
    }
  }

  @Test
  void should_not_pin_when_2000_virtual_threads_execute_concurrently() throws Exception {
    try (PinningRecorder pins = PinningRecorder.start();
        FakeNode node = new FakeNode();
        Cluster cluster = Cluster.builder().addContactPoints(node.address()).build();
        Session session = cluster.connect();
        ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<String>> answers = new ArrayList<>();
      for (int i = 0; i < CALLERS; i++) {
        String cql = "blocking " + i;
        answers.add(callers.submit(() -> session.execute(cql).one().getString(0)));
      }
      for (int i = 0; i < CALLERS; i++) {
        assertThat(answers.get(i).get(60, TimeUnit.SECONDS)).isEqualTo("blocking " + i);
      }
    }
  }

  @Test
  void should_not_pin_when_2000_requests_are_executed_asynchronously() throws Exception {
    try (PinningRecorder pins = PinningRecorder.start();
        FakeNode node = new FakeNode();
        Cluster cluster = Cluster.builder().addContactPoints(node.address()).build();
        Session session = cluster.connect()) {
      List<ResponseFuture> answers = new ArrayList<>();
      for (int i = 0; i < CALLERS; i++) {
        answers.add(session.executeAsync("async " + i));
      }
      for (int i = 0; i < CALLERS; i++) {
        assertThat(answers.get(i).get(60, TimeUnit.SECONDS).one().getString(0)).isEqualTo("async " + i);
      }
      String composed =
          session.executeAsync("composed").thenApply(rs -> rs.one().getString(0)).get(10, TimeUnit.SECONDS);
      assertThat(composed).isEqualTo("composed");
    }
  }

  @Test
  void should_not_pin_when_executing_concurrently_with_a_bound_in_flight() throws Exception {
    try (PinningRecorder pins = PinningRecorder.start();
        FakeNode node = new FakeNode();
        Cluster cluster = Cluster.builder().addContactPoints(node.address()).withMaxRequestsPerConnection(64).build();
        Session session = cluster.connect()) {
      List<Statement<?>> statements = new ArrayList<>();
      for (int i = 0; i < CALLERS; i++) {
        statements.add(SimpleStatement.newInstance("concurrent " + i));
      }
      List<ResultSet> results = session.executeConcurrent(statements, 256);
      for (int i = 0; i < CALLERS; i++) {
        assertThat(results.get(i).one().getString(0)).isEqualTo("concurrent " + i);
      }
    }
  }
}
