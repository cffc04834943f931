package io.loomcql;

import static io.loomcql.testkit.Await.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.loomcql.internal.protocol.Event;
import io.loomcql.internal.protocol.SchemaChangeResult;
import io.loomcql.metadata.Host;
import io.loomcql.policy.ConstantReconnectionPolicy;
import io.loomcql.testkit.FakeNode;
import io.loomcql.testkit.ThreeFakeNodes;
import io.loomcql.testkit.logging.LogCapture;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The cluster view on a fake three-node cluster: what events, failover and refreshes do to the
 * node list and the pools. Node a is the only contact point, so it holds the control connection.
 */
class ClusterEventsTest extends ThreeFakeNodes {
  private static final Duration WINDOW = Duration.ofMillis(100);
  private static final Duration RECONNECT = Duration.ofMillis(200);

  private Cluster.Builder builder() throws Exception {
    return Cluster.builder()
        .addContactPoints(a.address())
        .withReconnectionPolicy(new ConstantReconnectionPolicy(RECONNECT))
        .withTopologyEventRefreshWindow(WINDOW)
        .withStatusEventRefreshWindow(WINDOW)
        .withSchemaEventRefreshWindow(WINDOW);
  }

  @Test
  void should_believe_a_down_event_only_for_a_node_without_a_working_connection() throws Exception {
    try (Cluster cluster = builder().build(); Session session = cluster.connect()) {
      Host hostB = host(cluster, b.address());
      waitUntil(() -> session.pool(hostB).openCount() == 1);
      a.pushEvent(new Event.StatusChange("DOWN", b.address()));
      Thread.sleep(WINDOW.multipliedBy(4).toMillis());
      assertThat(hostB.isUp()).as("our own connection to b works: gossip may be wrong about it").isTrue();
    }
    try (Cluster cluster = builder().build()) { // no session: nothing proves b is up
      Host hostB = host(cluster, b.address());
      a.pushEvent(new Event.StatusChange("DOWN", b.address()));
      waitUntil(() -> !hostB.isUp());
      a.pushEvent(new Event.StatusChange("UP", b.address()));
      waitUntil(hostB::isUp);
    }
  }

  @Test
  void should_open_a_pool_to_a_node_announced_by_a_topology_event_and_close_it_when_removed() throws Exception {
    try (FakeNode d = new FakeNode(); Cluster cluster = builder().build(); Session session = cluster.connect()) {
      a.peers(List.of(b, c, d));
      InetSocketAddress dAddress = d.address();
      a.pushEvent(new Event.TopologyChange("NEW_NODE", dAddress));
      waitUntil(() -> session.hosts().stream().anyMatch(h -> h.address().equals(dAddress)));
      Host hostD = host(cluster, dAddress);
      waitUntil(() -> session.pool(hostD).openCount() == 1);
      assertThat(d.openConnections()).isEqualTo(1);

      a.peers(List.of(b, c));
      a.pushEvent(new Event.TopologyChange("REMOVED_NODE", d.address()));
      waitUntil(() -> session.hosts().size() == 3);
      assertThat(cluster.metadata().allHosts()).extracting(Host::address).doesNotContain(d.address());
      waitUntil(() -> d.openConnections() == 0);
    }
  }

  @Test
  void should_move_the_control_connection_without_marking_other_nodes_down() throws Exception {
    try (Cluster cluster = builder().build(); Session session = cluster.connect()) {
      assertThat(a.registeredConnections()).isEqualTo(1);
      Host hostB = host(cluster, b.address());
      Host hostC = host(cluster, c.address());
      long start = System.nanoTime();
      a.close();
      waitUntil(() -> b.registeredConnections() + c.registeredConnections() == 1);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(RECONNECT.plusSeconds(1));
      assertThat(hostB.isUp()).isTrue();
      assertThat(hostC.isUp()).isTrue();
      for (int i = 0; i < 10; i++) {
        assertThat(session.execute(SimpleStatement.newInstance("after " + i).setIdempotent(true)).one().getString(0))
            .isEqualTo("after " + i);
      }
      // the new control node keeps the view current: it announces a node, and the session uses it
      try (FakeNode d = new FakeNode()) {
        FakeNode control = b.registeredConnections() == 1 ? b : c;
        control.peers(List.of(b == control ? c : b, d));
        InetSocketAddress dAddress = d.address();
        control.pushEvent(new Event.TopologyChange("NEW_NODE", dAddress));
        waitUntil(() -> session.hosts().stream().anyMatch(h -> h.address().equals(dAddress)));
      }
    }
  }

  @Test
  void should_refresh_at_most_once_per_window_under_an_event_flood() throws Exception {
    try (Cluster cluster = builder().build(); Session session = cluster.connect()) {
      int readsBefore = a.systemReads();
      long start = System.nanoTime();
      long floodNanos = Duration.ofSeconds(2).toNanos();
      int sent = 0;
      while (System.nanoTime() - start < floodNanos) {
        for (int i = 0; i < 100; i++) {
          a.pushEvent(new Event.TopologyChange("NEW_NODE", b.address()));
          a.pushEvent(new Event.StatusChange("UP", c.address()));
          a.pushEvent(new Event.SchemaChange(new SchemaChangeResult("UPDATED", "TABLE", "ks", "t" + i, List.of())));
          sent += 3;
        }
        Thread.sleep(10); // about 10k events per second per kind on this machine, fewer on a slow one
      }
      long elapsed = System.nanoTime() - start;
      // A new session and a query still go through while the flood is being absorbed.
      try (Session second = cluster.connect()) {
        assertThat(second.execute("still answering").one().getString(0)).isEqualTo("still answering");
      }
      Thread.sleep(WINDOW.multipliedBy(3).toMillis());
      int refreshes = (a.systemReads() - readsBefore) / 2; // each node list refresh reads local and peers
      long windows = elapsed / WINDOW.toNanos() + 2;
      assertThat(sent).isGreaterThan(3_000);
      assertThat(refreshes).as("node list refreshes for %d events over %d windows", sent, windows)
          .isBetween(1, (int) windows);
      assertThat(session.hosts()).hasSize(3);
    }
  }

  @Test
  void should_build_a_session_and_move_the_control_connection_within_5_s_under_10k_events_per_second()
      throws Exception {
    Duration bound = Duration.ofSeconds(5);
    try (Cluster first = builder().build(); Session firstSession = first.connect(); Flood flood = new Flood(a, b, c)) {
      Thread.sleep(1000); // the first cluster's control connection takes the flood for a second
      assertThat(flood.delivered()).as("events delivered in the first second").isGreaterThan(8_000);
      long start = System.nanoTime();
      try (Cluster second = builder().build(); Session session = second.connect()) { // REGISTERs into the flood
        assertThat(session.execute("built").one().getString(0)).isEqualTo("built");
        Duration build = Duration.ofNanos(System.nanoTime() - start);
        assertThat(build).as("session build during the flood").isLessThan(bound);
        assertThat(a.registeredConnections()).isEqualTo(2);

        long killed = System.nanoTime();
        a.close(); // both control connections move, to nodes that flood them as soon as they REGISTER
        waitUntil(() -> b.registeredConnections() + c.registeredConnections() == 2);
        for (Cluster cluster : List.of(first, second)) {
          assertThat(cluster.metadata().allHosts()).hasSize(3);
        }
        for (Session each : List.of(firstSession, session)) {
          assertThat(each.execute(SimpleStatement.newInstance("moved").setIdempotent(true)).one().getString(0))
              .isEqualTo("moved");
        }
        Duration move = Duration.ofNanos(System.nanoTime() - killed);
        assertThat(move).as("control reconnect during the flood").isLessThan(bound);
        long beforeSettling = flood.delivered();
        Thread.sleep(200);
        assertThat(flood.delivered() - beforeSettling).as("the moved control connections take the flood")
            .isGreaterThan(2 * 1_000);
        assertThat(flood.perSecond()).as("events per second each control connection was sent").isGreaterThan(8_000);
      }
    }
  }

  /**
   * Pushes about 10,000 events per second (topology, status and schema changes in turn) from
   * every node to the connections registered on it, on a virtual thread, until closed.
   */
  private static final class Flood implements AutoCloseable {
    private static final int RATE = 10_000;
    private final List<FakeNode> nodes;
    private final Thread thread;
    private final long start = System.nanoTime();
    private volatile boolean stopped;
    private volatile long generated;
    private volatile long delivered;
    private volatile long stoppedAt;

    Flood(FakeNode... nodes) {
      this.nodes = List.of(nodes);
      this.thread = Thread.ofVirtual().name("event-flood").start(this::run);
    }

    private void run() {
      long n = 0;
      long sent = 0;
      try {
        while (!stopped) {
          long due = (System.nanoTime() - start) * RATE / 1_000_000_000L;
          for (; n < due; n++) {
            Event event = switch ((int) (n % 3)) {
              case 0 -> new Event.TopologyChange("NEW_NODE", nodes.get(1).address());
              case 1 -> new Event.StatusChange("UP", nodes.get(2).address());
              default -> new Event.SchemaChange(new SchemaChangeResult("UPDATED", "TABLE", "ks", "t" + n % 100, List.of()));
            };
            for (FakeNode node : nodes) {
              sent += node.pushEvent(event);
            }
          }
          generated = n;
          delivered = sent;
          Thread.sleep(1);
        }
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }

    /** Events generated per second so far (each node sends each to its registered connections). */
    double perSecond() {
      return generated * 1e9 / (System.nanoTime() - start);
    }

    long delivered() {
      return delivered;
    }

    @Override
    public void close() throws InterruptedException {
      stopped = true;
      thread.join();
    }
  }

  @Test
  void should_move_a_pool_when_a_node_reappears_at_another_address() throws Exception {
    try (FakeNode moved = new FakeNode(); Cluster cluster = builder().build(); Session session = cluster.connect()) {
      Host oldB = host(cluster, b.address());
      waitUntil(() -> session.pool(oldB).openCount() == 1);
      moved.impersonate(b); // same host id, new address
      a.peers(List.of(moved, c));
      InetSocketAddress movedAddress = moved.address();
      a.pushEvent(new Event.TopologyChange("NEW_NODE", movedAddress));
      waitUntil(() -> session.hosts().stream().anyMatch(h -> h.address().equals(movedAddress)));
      Host newB = host(cluster, movedAddress);
      assertThat(newB.hostId()).isEqualTo(oldB.hostId());
      assertThat(session.hosts()).extracting(Host::address).doesNotContain(b.address());
      waitUntil(() -> session.pool(newB).openCount() == 1);
      waitUntil(() -> b.openConnections() == 0);
      assertThat(newB.isUp()).isTrue();
    }
  }

  @Test
  void should_add_and_remove_a_node_by_hand() throws Exception {
    try (FakeNode d = new FakeNode(); Cluster cluster = builder().build(); Session session = cluster.connect()) {
      Host hostD = cluster.addHost(d.address(), "dc1", "rack9", true);
      assertThat(hostD.rack()).isEqualTo("rack9");
      waitUntil(() -> session.pool(hostD) != null && session.pool(hostD).openCount() == 1);
      assertThat(cluster.addHost(d.address(), "dc1", "rack9", true)).isSameAs(hostD);

      assertThat(cluster.removeHost(hostD)).isTrue();
      assertThat(cluster.removeHost(hostD)).isFalse();
      assertThat(session.pool(hostD)).isNull();
      waitUntil(() -> d.openConnections() == 0);
    }
  }

  @Test
  void should_report_schema_disagreement_without_failing_the_statement() throws Exception {
    FakeNode.Behavior ddl = (query, request, peer) ->
        peer.reply(request, new SchemaChangeResult("CREATED", "TABLE", "ks", "t", List.of()));
    a.behavior(ddl);
    b.behavior(ddl);
    c.behavior(ddl);
    try (Cluster cluster = builder().withMaxSchemaAgreementWait(Duration.ofMillis(300)).build();
        Session session = cluster.connect();
        LogCapture log = LogCapture.start()) {
      ResultSet agreed = session.execute("CREATE TABLE ks.t (k int PRIMARY KEY)");
      assertThat(agreed.executionInfo().isSchemaInAgreement()).isTrue();
      assertThat(cluster.metadata().checkSchemaAgreement()).isTrue();
      assertThat(log.lines()).noneMatch(line -> line.contains("agree on the schema"));

      b.schemaVersion(UUID.randomUUID()); // b lags behind
      long start = System.nanoTime();
      ResultSet late = session.execute("CREATE TABLE ks.t (k int PRIMARY KEY)");
      assertThat(late.executionInfo().isSchemaInAgreement()).isFalse();
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
      assertThat(cluster.metadata().checkSchemaAgreement()).isFalse();
      assertThat(log.lines()).filteredOn(line -> line.contains("agree on the schema")).singleElement()
          .satisfies(line -> assertThat(line).startsWith("WARN ")
              .contains("The nodes did not agree on the schema within 300 ms; going on.")
              .contains("executionInfo().isSchemaInAgreement()"));

      Host hostB = host(cluster, b.address());
      b.close(); // a node that is down does not count
      waitUntil(() -> !hostB.isUp());
      assertThat(cluster.metadata().checkSchemaAgreement()).isTrue();
      start = System.nanoTime();
      ResultSet afterDown = session.execute("CREATE TABLE ks.t (k int PRIMARY KEY)"); // b still lags, but is down
      assertThat(afterDown.executionInfo().isSchemaInAgreement()).isTrue();
      assertThat(Duration.ofNanos(System.nanoTime() - start)).as("no wait for a down node")
          .isLessThan(Duration.ofMillis(300));
      assertThat(log.lines()).filteredOn(line -> line.contains("agree on the schema")).hasSize(1);
    }
  }

  private static Host host(Cluster cluster, InetSocketAddress address) {
    return cluster.metadata().allHosts().stream().filter(h -> h.address().equals(address)).findFirst().orElseThrow();
  }
}
