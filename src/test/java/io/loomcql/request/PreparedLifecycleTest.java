package io.loomcql.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loomcql.Cluster;
import io.loomcql.PreparedStatement;
import io.loomcql.Session;
import io.loomcql.policy.ConstantReconnectionPolicy;
import io.loomcql.testkit.FakeNode;
import io.loomcql.testkit.ThreeFakeNodes;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Prepared statements across nodes that forget them: fake nodes, plans in the order a, b, c. */
class PreparedLifecycleTest extends ThreeFakeNodes {

  private Cluster.Builder builder() throws Exception {
    return Cluster.builder()
        .addContactPoints(a.address())
        .withLoadBalancingPolicy(new FixedOrderPolicy(List.of(a.address(), b.address(), c.address())));
  }

  @Test
  void should_prepare_on_every_node_by_default_and_on_one_when_told_not_to() throws Exception {
    try (Cluster cluster = builder().build(); Session session = cluster.connect()) {
      awaitPools(session, 3);
      session.prepare("SELECT everywhere");
      assertThat(List.of(a.prepares(), b.prepares(), c.prepares())).containsExactly(1, 1, 1);
      session.prepare("SELECT everywhere"); // cached: no round trip at all
      assertThat(a.prepares() + b.prepares() + c.prepares()).isEqualTo(3);
    }
    try (Cluster cluster = builder().withPrepareOnAllHosts(false).build(); Session session = cluster.connect()) {
      awaitPools(session, 3);
      session.prepare("SELECT here only");
      assertThat(List.of(a.prepares(), b.prepares(), c.prepares())).containsExactly(2, 1, 1);
    }
  }

  @Test
  void should_prepare_again_on_the_same_node_once_and_succeed_when_the_node_forgot_the_statement() throws Exception {
    try (Cluster cluster = builder().withPrepareOnAllHosts(false).build(); Session session = cluster.connect()) {
      PreparedStatement ps = session.prepare("SELECT forgotten");
      assertThat(a.prepares()).isEqualTo(1);
      a.forgetPrepared();
      assertThat(session.execute(ps.bind()).one().getString(0)).isEqualTo("SELECT forgotten");
      assertThat(a.prepares()).as("exactly one PREPARE before the EXECUTE is sent again").isEqualTo(2);
      assertThat(a.queries()).isEqualTo(1);
      assertThat(b.prepares() + c.prepares() + b.queries() + c.queries()).isZero();
    }
  }

  @Test
  void should_fail_fast_without_looping_when_preparing_again_gives_another_id() throws Exception {
    try (Cluster cluster = builder().withPrepareOnAllHosts(false).build(); Session session = cluster.connect()) {
      PreparedStatement ps = session.prepare("SELECT changed");
      a.forgetPrepared();
      a.changePreparedIds();
      assertThatThrownBy(() -> session.execute(ps.bind()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("gave another id")
          .hasMessageContaining("SELECT changed");
      assertThat(a.prepares()).isEqualTo(2);
      assertThat(a.queries()).isZero();
    }
  }

  @Test
  void should_prepare_cached_statements_again_on_a_node_that_comes_back() throws Exception {
    try (Cluster cluster = builder()
            .withReconnectionPolicy(new ConstantReconnectionPolicy(Duration.ofMillis(100)))
            .build();
        Session session = cluster.connect()) {
      awaitPools(session, 3);
      session.prepare("SELECT one");
      session.prepare("SELECT two");
      assertThat(b.prepares()).isEqualTo(2);
      java.net.InetSocketAddress address = b.address();
      b.close(); // the node dies ...
      awaitUp(session, address, false);
      b = new FakeNode(address.getPort()); // ... and restarts with an empty statement cache
      b.peers(List.of(a, c));
      awaitUp(session, address, true);
      long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (b.prepares() < 2 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(b.prepares()).as("both statements prepared on the restarted node").isEqualTo(2);
    }
  }

  private static void awaitPools(Session session, int count) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (session.hosts().stream().filter(h -> session.pool(h).openCount() > 0).count() < count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("pools did not open within 5 s");
      }
      Thread.sleep(10);
    }
  }

  private static void awaitUp(Session session, java.net.InetSocketAddress address, boolean up)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (session.hosts().stream().filter(h -> h.address().equals(address)).noneMatch(h -> h.isUp() == up)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(address + " did not become " + (up ? "up" : "down") + " within 10 s");
      }
      Thread.sleep(10);
    }
  }
}
