package io.loomcql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loomcql.metadata.Host;
import io.loomcql.testkit.FakeNode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Builder options of the cluster view: address translation, schema and token metadata switches. */
class MetadataOptionsTest {
  @Test
  void should_connect_to_the_translated_address_of_every_peer() throws Exception {
    try (FakeNode a = new FakeNode(); FakeNode b = new FakeNode()) {
      // b advertises a private address no one can reach; the translator knows where it really is
      InetSocketAddress advertised = new InetSocketAddress(InetAddress.getByAddress(new byte[] {10, 9, 9, 9}), 9042);
      a.simulatedPeers(List.of(new FakeNode.SimulatedPeer(advertised, "dc1", "rack1", new UUID(7, 7), Set.of("42"))));
      InetSocketAddress real = b.address();
      try (Cluster cluster = Cluster.builder()
              .addContactPoints(a.address())
              .withAddressTranslator(address -> address.equals(advertised) ? real : address)
              .build();
          Session session = cluster.connect()) {
        assertThat(cluster.metadata().allHosts()).extracting(Host::address)
            .containsExactlyInAnyOrder(a.address(), real);
        Host translated = session.hosts().stream().filter(h -> h.address().equals(real)).findFirst().orElseThrow();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (session.pool(translated).openCount() == 0 && System.nanoTime() < deadline) {
          Thread.sleep(10);
        }
        assertThat(b.openConnections()).isEqualTo(1);
      }
    }
  }

  @Test
  void should_keep_only_keyspaces_and_replication_when_schema_metadata_is_off() throws Exception {
    try (FakeNode node = new FakeNode()) {
      node.keyspaces(Map.of("app", Map.of("class", "org.apache.cassandra.locator.SimpleStrategy",
          "replication_factor", "1")));
      try (Cluster cluster = Cluster.builder()
          .addContactPoints(node.address())
          .withSchemaMetadataEnabled(false)
          .withTokenMetadataEnabled(false)
          .build()) {
        assertThat(cluster.metadata().keyspace("app").orElseThrow().replication())
            .containsEntry("replication_factor", "1");
        assertThat(cluster.metadata().keyspace("app").orElseThrow().tables()).isEmpty();
        assertThatThrownBy(() -> cluster.metadata().describe())
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("withSchemaMetadataEnabled");
        assertThatThrownBy(() -> cluster.metadata().tokenMap())
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("withTokenMetadataEnabled");
      }
    }
  }
}
