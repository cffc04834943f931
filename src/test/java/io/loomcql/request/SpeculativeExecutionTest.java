package io.loomcql.request;

import static org.assertj.core.api.Assertions.assertThat;

import io.loomcql.Cluster;
import io.loomcql.HostConnectionPool;
import io.loomcql.ResultSet;
import io.loomcql.Session;
import io.loomcql.SimpleStatement;
import io.loomcql.metadata.Host;
import io.loomcql.policy.ConstantSpeculativeExecutionPolicy;
import io.loomcql.testkit.FakeNode;
import io.loomcql.testkit.ThreeFakeNodes;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Speculative executions against fake nodes: node a answers late, node b at once. Plans list
 * a, b, c in that order.
 */
class SpeculativeExecutionTest extends ThreeFakeNodes {
  private static final Duration DELAY = Duration.ofMillis(100);
  private static final long SLOW_MILLIS = 600;

  private final ConcurrentLinkedQueue<Long> arrivalsAtB = new ConcurrentLinkedQueue<>();

  @BeforeEach
  void scriptNodes() throws Exception {
    a.behavior((query, request, peer) -> peer.replyLater(request, FakeNode.textRow("a:" + query.query()), SLOW_MILLIS));
    b.behavior((query, request, peer) -> {
      arrivalsAtB.add(System.nanoTime());
      FakeNode.echo(query, request, peer);
    });
  }

  private Cluster cluster() throws Exception {
    return Cluster.builder()
        .addContactPoints(a.address())
        .withLoadBalancingPolicy(new FixedOrderPolicy(List.of(a.address(), b.address(), c.address())))
        .withSpeculativeExecutionPolicy(new ConstantSpeculativeExecutionPolicy(DELAY, 2))
        .build();
  }

  @Test
  void should_start_a_second_execution_after_the_delay_for_an_idempotent_statement_and_take_the_first_answer()
      throws Exception {
    try (Cluster cluster = cluster(); Session session = cluster.connect()) {
      session.execute(SimpleStatement.newInstance("warm up b").setIdempotent(true)); // connections and code paths warm
      arrivalsAtB.clear();
      long start = System.nanoTime();
      ResultSet rs = session.execute(SimpleStatement.newInstance("SELECT fast").setIdempotent(true));
      long took = System.nanoTime() - start;

      assertThat(rs.one().getString(0)).isEqualTo("SELECT fast"); // b's answer, not a's
      assertThat(rs.executionInfo().coordinator().address()).isEqualTo(b.address());
      assertThat(rs.executionInfo().speculativeExecutions()).isEqualTo(1);
      assertThat(arrivalsAtB).hasSize(1);
      Duration secondStarted = Duration.ofNanos(arrivalsAtB.peek() - start);
      // The plan's criterion is D ± 20 ms; the lower bound is exact, the upper one has room for a loaded machine.
      assertThat(secondStarted).isBetween(DELAY.minusMillis(1), DELAY.plusMillis(80));
      assertThat(Duration.ofNanos(took)).isLessThan(Duration.ofMillis(SLOW_MILLIS));
      assertThat(c.queries()).as("at most 2 executions").isZero();
    }
  }

  @Test
  void should_never_start_a_speculative_execution_for_a_statement_that_is_not_idempotent() throws Exception {
    try (Cluster cluster = cluster(); Session session = cluster.connect()) {
      long start = System.nanoTime();
      ResultSet rs = session.execute("INSERT slow"); // idempotence unknown: false
      assertThat(rs.one().getString(0)).isEqualTo("a:INSERT slow");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(SLOW_MILLIS));
      assertThat(rs.executionInfo().speculativeExecutions()).isZero();
      assertThat(arrivalsAtB).isEmpty();
    }
  }

  @Test
  void should_release_the_losers_stream_id_when_its_late_answer_arrives() throws Exception {
    try (Cluster cluster = cluster(); Session session = cluster.connect()) {
      session.execute(SimpleStatement.newInstance("SELECT race").setIdempotent(true));
      java.net.InetSocketAddress slowAddress = a.address();
      Host slow = session.hosts().stream().filter(h -> h.address().equals(slowAddress)).findFirst().orElseThrow();
      HostConnectionPool pool = session.pool(slow);
      assertThat(pool.inFlight()).as("the loser's request is still owed an answer").isEqualTo(1);
      long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (pool.inFlight() > 0 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(pool.inFlight()).as("the late answer freed the stream id").isZero();
      assertThat(session.execute("INSERT after").one().getString(0)).isEqualTo("a:INSERT after");
    }
  }
}
