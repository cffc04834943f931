package io.loomcql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loomcql.error.BusyPoolException;
import io.loomcql.error.NoHostAvailableException;
import io.loomcql.metadata.Host;
import io.loomcql.policy.ConstantReconnectionPolicy;
import io.loomcql.testkit.FakeNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Pools against the fake node: reconnection on schedule, manual slots, closing under load. */
class PoolTest {

  @Test
  void should_fail_fast_while_the_node_is_down_and_recover_on_schedule() throws Exception {
    FakeNode node = new FakeNode();
    int port = node.address().getPort();
    try (Cluster cluster =
            Cluster.builder()
                .addContactPoints(node.address())
                .withReconnectionPolicy(new ConstantReconnectionPolicy(Duration.ofMillis(300)))
                .build();
        Session session = cluster.connect()) {
      Host host = session.hosts().iterator().next();
      assertThat(session.execute("up").one().getString(0)).isEqualTo("up");

      node.close(); // the node dies: its connection drops
      waitUntil(() -> !host.isUp());
      long start = System.nanoTime();
      assertThatThrownBy(() -> session.execute("down"))
          .isInstanceOf(NoHostAvailableException.class)
          .hasMessageContaining("next reconnection attempt");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).as("no connect timeout paid").isLessThan(Duration.ofMillis(200));

      try (FakeNode restarted = new FakeNode(port)) {
        waitUntil(host::isUp); // the pool's background refill brings it back; no request needed
        // The node is marked up as the handshake succeeds, a moment before the pool installs the
        // connection: wait for that too.
        waitUntil(() -> session.pool(host).openCount() == 1);
        assertThat(session.execute("back").one().getString(0)).isEqualTo("back");
      }
    }
  }

  @Test
  void should_reserve_and_release_stream_slots_by_hand() throws Exception {
    try (FakeNode node = new FakeNode();
        Cluster cluster = Cluster.builder().addContactPoints(node.address()).withMaxRequestsPerConnection(2).build();
        Session session = cluster.connect()) {
      HostConnectionPool pool = session.pool(session.hosts().iterator().next());
      Connection first = pool.borrowConnection(Duration.ofSeconds(1));
      Connection second = pool.borrowConnection(Duration.ofSeconds(1));
      assertThat(pool.inFlight()).isEqualTo(2);
      assertThatThrownBy(() -> pool.borrowConnection(Duration.ofMillis(100))).isInstanceOf(BusyPoolException.class);
      pool.returnConnection(first);
      pool.returnConnection(first); // idempotent
      assertThat(pool.inFlight()).isEqualTo(1);
      assertThat(session.execute("still works").one().getString(0)).isEqualTo("still works");
      pool.returnConnection(second);
      assertThat(pool.inFlight()).isZero();
      assertThat(pool.isShutdown()).isFalse();
    }
  }

  @Test
  void should_complete_every_pending_request_when_closed_under_load() throws Exception {
    try (FakeNode node = new FakeNode()) {
      Cluster cluster = Cluster.builder().addContactPoints(node.address()).build();
      Session session = cluster.connect();
      node.silent(true); // nothing will ever be answered
      List<CompletableFuture<ResultSet>> pending = new ArrayList<>();
      for (int i = 0; i < 1000; i++) {
        pending.add(session.executeAsync("request " + i));
      }
      HostConnectionPool pool = session.pool(session.hosts().iterator().next());
      waitUntil(() -> pool.inFlight() == 1000);

      long start = System.nanoTime();
      cluster.close();
      CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).handle((r, e) -> null).get(5, TimeUnit.SECONDS);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(11)); // timeout + 1 s
      assertThat(pending).allSatisfy(f -> assertThat(f).isCompletedExceptionally());
      assertThatThrownBy(() -> pending.get(0).join()).hasCauseInstanceOf(IllegalStateException.class);
      assertThat(pool.isShutdown()).isTrue();
      assertThat(pool.inFlight()).isZero();
      cluster.close(); // idempotent
      waitUntil(() -> node.openConnections() == 0);
    }
  }

  private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 5 s");
      }
      Thread.sleep(10);
    }
  }
}
