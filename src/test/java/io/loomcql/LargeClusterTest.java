package io.loomcql;

import static org.assertj.core.api.Assertions.assertThat;

import io.loomcql.internal.protocol.Event;
import io.loomcql.metadata.Host;
import io.loomcql.metadata.Metadata;
import io.loomcql.metadata.TokenMap;
import io.loomcql.testkit.FakeNode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A fake cluster of 1,000 nodes in two datacenters, 16 tokens each (one fake node answering, the
 * others rows of system.peers_v2): the driver builds its metadata and token map, and absorbs a
 * flood of events. No session is opened, so nothing connects to the simulated nodes.
 */
class LargeClusterTest {
  private static final int NODES = 1_000;

  @Test
  void should_build_metadata_and_token_map_for_1000_nodes_and_survive_an_event_flood() throws Exception {
    try (FakeNode node = new FakeNode()) {
      Random random = new Random(42);
      List<FakeNode.SimulatedPeer> peers = new ArrayList<>();
      for (int i = 1; i < NODES; i++) {
        Set<String> tokens = new HashSet<>();
        while (tokens.size() < 16) {
          tokens.add(Long.toString(random.nextLong()));
        }
        InetSocketAddress address =
            new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 1, (byte) (i >> 8), (byte) i}), 9042);
        peers.add(new FakeNode.SimulatedPeer(address, i % 2 == 0 ? "dc1" : "dc2", "rack" + (i % 3),
            new UUID(1, i), tokens));
      }
      node.simulatedPeers(peers);
      node.keyspaces(Map.of(
          "app", Map.of("class", "org.apache.cassandra.locator.NetworkTopologyStrategy", "dc1", "3", "dc2", "3"),
          "simple", Map.of("class", "org.apache.cassandra.locator.SimpleStrategy", "replication_factor", "3")));

      long start = System.nanoTime();
      try (Cluster cluster = Cluster.builder()
          .addContactPoints(node.address())
          .withTopologyEventRefreshWindow(Duration.ofMillis(200))
          .withStatusEventRefreshWindow(Duration.ofMillis(200))
          .build()) {
        Metadata metadata = cluster.metadata();
        TokenMap tokens = metadata.tokenMap();
        Set<Host> replicas = tokens.replicas("app", ByteBuffer.wrap(new byte[] {1, 2, 3}));
        Duration built = Duration.ofNanos(System.nanoTime() - start);
        System.out.printf("1,000-node metadata and token map built in %d ms%n", built.toMillis());

        assertThat(metadata.allHosts()).hasSize(NODES);
        assertThat(replicas).hasSize(6);
        assertThat(replicas.stream().filter(h -> "dc1".equals(h.datacenter()))).hasSize(3);
        assertThat(tokens.replicas("simple", ByteBuffer.wrap(new byte[] {1, 2, 3}))).hasSize(3);
        // The target is one second; the bound leaves room for a loaded CI machine.
        assertThat(built).isLessThan(Duration.ofSeconds(3));

        int readsBefore = node.systemReads();
        long floodStart = System.nanoTime();
        Set<InetSocketAddress> saidDown = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
          InetSocketAddress target = peers.get(i % peers.size()).address();
          if (i % 2 == 0) {
            saidDown.add(target);
            node.pushEvent(new Event.StatusChange("DOWN", target));
          } else {
            node.pushEvent(new Event.TopologyChange("NEW_NODE", target));
          }
        }
        long floodMillis = Duration.ofNanos(System.nanoTime() - floodStart).toMillis();
        Thread.sleep(600);
        int refreshes = (node.systemReads() - readsBefore) / 2;
        assertThat(refreshes).as("node list refreshes after 10,000 events in %d ms", floodMillis)
            .isBetween(1, (int) (floodMillis / 200 + 3));
        assertThat(metadata.allHosts()).hasSize(NODES);
        // Without a session nothing proves these nodes up, so the DOWN events are believed.
        assertThat(metadata.allHosts().stream().filter(h -> !h.isUp()).map(Host::address))
            .containsExactlyInAnyOrderElementsOf(saidDown);
        assertThat(cluster.metadata().tokenMap().replicas("app", ByteBuffer.wrap(new byte[] {1, 2, 3})))
            .isEqualTo(replicas);
      }
    }
  }
}
