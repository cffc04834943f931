package io.loomcql.it;

import static io.loomcql.testkit.Await.awaitWithin;
import static org.assertj.core.api.Assertions.assertThat;

import io.loomcql.Cluster;
import io.loomcql.ProtocolVersion;
import io.loomcql.ResponseFuture;
import io.loomcql.Session;
import io.loomcql.SimpleStatement;
import io.loomcql.error.ConnectionException;
import io.loomcql.error.NoHostAvailableException;
import io.loomcql.metadata.Host;
import io.loomcql.policy.ConstantReconnectionPolicy;
import io.loomcql.testkit.CassandraExtension;
import io.loomcql.testkit.FaultProxy;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Plan C13: a blackhole. The proxy in front of the real node stops forwarding both ways and keeps
 * the sockets open, so no RST and no FIN ever tells the driver: only its heartbeat can.
 */
@ExtendWith(CassandraExtension.class)
class BlackholeIT {
  private static final Duration INTERVAL = Duration.ofSeconds(1);
  private static final Duration TIMEOUT = Duration.ofSeconds(1);
  private static final Duration SLACK = Duration.ofMillis(500);
  // Also the handshake timeout of each reconnection attempt.
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);

  @Test
  void should_close_a_blackholed_connection_by_heartbeat_fail_what_is_in_flight_and_mark_the_node_down(
      InetSocketAddress node) throws Exception {
    try (FaultProxy proxy = FaultProxy.start(node);
        Cluster cluster = Cluster.builder()
            .addContactPoints(proxy.address())
            .withProtocolVersion(ProtocolVersion.V4)
            .withIdleHeartbeatInterval(INTERVAL)
            .withIdleHeartbeatTimeout(TIMEOUT)
            .withRequestTimeout(REQUEST_TIMEOUT)
            .withReconnectionPolicy(new ConstantReconnectionPolicy(Duration.ofMillis(500)))
            .build();
        Session session = cluster.connect()) {
      Host host = session.hosts().iterator().next();
      session.execute("SELECT release_version FROM system.local");

      proxy.upstream().stall();
      proxy.downstream().stall();
      long stalled = System.nanoTime();
      List<ResponseFuture> inFlight = new ArrayList<>();
      for (int i = 0; i < 3; i++) { // timeouts far beyond the heartbeat's: the heartbeat must end them
        inFlight.add(session.executeAsync(SimpleStatement.newInstance("SELECT release_version FROM system.local")
            .setTimeout(Duration.ofSeconds(30)).setIdempotent(i % 2 == 0)));
      }
      List<Long> failedAfter = new ArrayList<>();
      for (int i = 0; i < inFlight.size(); i++) {
        Throwable error = failure(inFlight.get(i), Duration.ofSeconds(10));
        failedAfter.add(System.nanoTime() - stalled);
        if (i % 2 == 0) { // idempotent: tried elsewhere, but there is no other node
          assertThat(error).isInstanceOf(NoHostAvailableException.class);
          error = ((NoHostAvailableException) error).errors().get(host);
        }
        assertThat(error).isInstanceOf(ConnectionException.class).hasMessageContaining("heartbeat");
      }
      long detected = failedAfter.stream().mapToLong(Long::longValue).max().orElseThrow();
      System.out.printf("C13: in-flight requests failed %s ms after the stall%n",
          failedAfter.stream().map(n -> n / 1_000_000).toList());
      assertThat(Duration.ofNanos(detected)).isLessThanOrEqualTo(INTERVAL.plus(TIMEOUT).plus(SLACK));
      assertThat(session.pool(host).openCount()).as("the stalled connection is closed").isZero();

      // The pool's reconnection reaches the proxy but its handshake gets no answer: the node goes DOWN.
      awaitWithin(REQUEST_TIMEOUT.plus(Duration.ofSeconds(1)), () -> !host.isUp(), "the node is marked down");
      System.out.printf("C13: node DOWN %d ms after the stall%n", (System.nanoTime() - stalled) / 1_000_000);

      // Nothing hangs: a new request fails within a handshake timeout, not at the kernel's pace.
      long start = System.nanoTime();
      Throwable refused = failure(session.executeAsync("SELECT release_version FROM system.local"),
          Duration.ofSeconds(10));
      assertThat(refused).isInstanceOf(NoHostAvailableException.class);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(REQUEST_TIMEOUT.plus(SLACK));

      proxy.downstream().resume();
      proxy.upstream().resume();
      awaitWithin(Duration.ofSeconds(10), host::isUp, "the node is back up");
      assertThat(session.execute("SELECT release_version FROM system.local").one().getString(0)).isNotBlank();
    }
  }

  private static Throwable failure(ResponseFuture future, Duration within) throws Exception {
    try {
      future.get(within.toMillis(), TimeUnit.MILLISECONDS);
      throw new AssertionError("succeeded through a blackhole");
    } catch (ExecutionException e) {
      return e.getCause();
    }
  }
}
