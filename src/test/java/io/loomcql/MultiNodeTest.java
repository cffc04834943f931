package io.loomcql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loomcql.error.ConnectionException;
import io.loomcql.error.NoHostAvailableException;
import io.loomcql.metadata.Host;
import io.loomcql.testkit.FakeNode;
import io.loomcql.testkit.ThreeFakeNodes;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Node discovery, round robin and failover across three fake nodes. */
class MultiNodeTest extends ThreeFakeNodes {

  private Cluster cluster() throws Exception {
    return Cluster.builder()
        .addContactPoints(a.address()) // one contact point: the others are discovered
        .withReconnectionPolicy(new io.loomcql.policy.ConstantReconnectionPolicy(Duration.ofSeconds(30)))
        .build();
  }

  @Test
  void should_discover_every_node_from_one_contact_point() throws Exception {
    try (Cluster cluster = cluster(); Session session = cluster.connect()) {
      assertThat(cluster.metadata().allHosts()).extracting(Host::address)
          .containsExactlyInAnyOrder(a.address(), b.address(), c.address());
      assertThat(cluster.metadata().clusterName()).isEqualTo("fake-cluster");
      assertThat(session.hosts()).hasSize(3).allSatisfy(h -> assertThat(h.datacenter()).isEqualTo("dc1"));
    }
  }

  @Test
  void should_spread_requests_round_robin() throws Exception {
    try (Cluster cluster = cluster(); Session session = cluster.connect()) {
      // Pools open in the background; until then a request moves on rather than wait for one.
      long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (session.hosts().stream().anyMatch(h -> session.pool(h).openCount() == 0) && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      for (int i = 0; i < 30; i++) {
        assertThat(session.execute("q" + i).one().getString(0)).isEqualTo("q" + i);
      }
      assertThat(List.of(a.queries(), b.queries(), c.queries())).containsExactly(10, 10, 10);
    }
  }

  @Test
  void should_go_around_a_dead_node() throws Exception {
    try (Cluster cluster = cluster(); Session session = cluster.connect()) {
      session.execute("warm up");
      java.net.InetSocketAddress deadAddress = b.address();
      b.close();
      // Right after the kill a request may be in flight on the dead connection: idempotent ones move on.
      for (int i = 0; i < 6; i++) {
        assertThat(session.execute(SimpleStatement.newInstance("i" + i).setIdempotent(true)).one().getString(0))
            .isEqualTo("i" + i);
      }
      Host dead = session.hosts().stream().filter(h -> h.address().equals(deadAddress)).findFirst().orElseThrow();
      long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (dead.isUp() && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(dead.isUp()).isFalse();
      // Once the node is known down, nothing is sent there: any statement succeeds elsewhere.
      for (int i = 0; i < 30; i++) {
        assertThat(session.execute("q" + i).one().getString(0)).isEqualTo("q" + i);
      }
    }
  }

  @Test
  void should_retry_elsewhere_only_an_idempotent_statement_whose_connection_broke() throws Exception {
    for (FakeNode node : List.of(a, b, c)) {
      node.behavior((query, request, peer) -> {
        if (query.query().startsWith("die") && node == b) {
          peer.close(); // the connection breaks with the request in flight
        } else {
          FakeNode.echo(query, request, peer);
        }
      });
    }
    // A broken connection takes b out until its pool reconnects (one delay later, 50 ms here):
    // each round waits for b, then sends statements round robin until one of them broke b's.
    try (Cluster cluster = Cluster.builder()
            .addContactPoints(a.address())
            .withReconnectionPolicy(new io.loomcql.policy.ConstantReconnectionPolicy(Duration.ofMillis(50)))
            .build();
        Session session = cluster.connect()) {
      java.net.InetSocketAddress bAddress = b.address();
      Host hostB = session.hosts().stream().filter(h -> h.address().equals(bAddress)).findFirst().orElseThrow();
      int idempotentOk = 0;
      int refused = 0;
      for (int i = 0; i < 6; i++) {
        awaitUsable(session, hostB);
        for (int j = 0; j < 3; j++) { // one of three goes to b, whose connection breaks: it moves on
          assertThat(session.execute(SimpleStatement.newInstance("die " + i + j).setIdempotent(true)).one().getString(0))
              .isEqualTo("die " + i + j);
          idempotentOk++;
        }
        awaitUsable(session, hostB);
        for (int j = 0; j < 3; j++) {
          try {
            session.execute("die again " + i + j); // not idempotent
          } catch (ConnectionException e) {
            assertThat(e.getMessage()).contains("not idempotent");
            assertThat(e.address()).isEqualTo(b.address());
            refused++;
          }
        }
      }
      assertThat(idempotentOk).isEqualTo(18);
      assertThat(refused).as("non-idempotent statements that hit node b are not re-sent").isEqualTo(6);
    }
  }

  @Test
  void should_list_every_node_tried_when_none_answers() throws Exception {
    try (Cluster cluster = cluster(); Session session = cluster.connect()) {
      a.close();
      b.close();
      c.close();
      long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (session.hosts().stream().anyMatch(Host::isUp) && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThatThrownBy(() -> session.execute("anyone?"))
          .isInstanceOfSatisfying(NoHostAvailableException.class, e -> assertThat(e.errors()).hasSize(3));
    }
  }

  private static void awaitUsable(Session session, Host host) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (!(host.isUp() && session.pool(host).openCount() == 1)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(host + " not usable again within 5 s");
      }
      Thread.sleep(5);
    }
  }
}
