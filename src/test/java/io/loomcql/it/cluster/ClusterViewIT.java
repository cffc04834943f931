package io.loomcql.it.cluster;

import static io.loomcql.it.cluster.ReadLoad.host;
import static io.loomcql.testkit.Await.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.loomcql.Cluster;
import io.loomcql.ResultSet;
import io.loomcql.Session;
import io.loomcql.metadata.Host;
import io.loomcql.policy.ConstantReconnectionPolicy;
import io.loomcql.testkit.CassandraExtension;
import io.loomcql.testkit.LocalCluster;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The cluster view on a real three-node Cassandra 5.0 cluster (127.0.0.1-3): discovery, nodes
 * going down and coming back, the control connection moving, schema agreement. Every test that
 * stops a node starts it again.
 */
@ExtendWith(CassandraExtension.class)
class ClusterViewIT {
  private static final Duration RECONNECT = Duration.ofMillis(500);

  private static Cluster.Builder builder(InetSocketAddress contactPoint) {
    return Cluster.builder()
        .addContactPoints(contactPoint)
        .withReconnectionPolicy(new ConstantReconnectionPolicy(RECONNECT))
        .withStatusEventRefreshWindow(Duration.ofMillis(100));
  }

  @Test
  void should_discover_every_node_with_datacenter_rack_and_tokens_from_one_contact_point(LocalCluster nodes) {
    try (Cluster cluster = builder(nodes.contactPoint(2)).build(); Session session = cluster.connect()) {
      assertThat(cluster.metadata().allHosts()).extracting(Host::address)
          .containsExactlyInAnyOrderElementsOf(nodes.contactPoints());
      assertThat(cluster.metadata().allHosts()).allSatisfy(host -> {
        assertThat(host.datacenter()).isEqualTo("datacenter1");
        assertThat(host.rack()).isEqualTo("rack1");
        assertThat(host.releaseVersion()).startsWith("5.0");
        assertThat(host.hostId()).isNotNull();
        assertThat(host.tokens()).hasSize(1);
        assertThat(host.isUp()).isTrue();
      });
      assertThat(cluster.metadata().clusterName()).isEqualTo("driver-test");
      assertThat(cluster.metadata().partitioner()).isEqualTo("org.apache.cassandra.dht.Murmur3Partitioner");
      assertThat(session.hosts()).hasSize(3);
    }
  }

  @Test
  void should_mark_a_killed_node_down_and_bring_it_back_when_it_restarts(LocalCluster nodes) throws Exception {
    try (Cluster cluster = builder(nodes.contactPoint(1)).build(); Session session = cluster.connect()) {
      Host third = host(cluster, nodes.contactPoint(3));
      waitUntil(() -> session.pool(third).openCount() == 1, Duration.ofSeconds(10));
      long killed = System.nanoTime();
      nodes.stop(3);
      waitUntil(() -> !third.isUp(), Duration.ofSeconds(10));
      Duration toDown = Duration.ofNanos(System.nanoTime() - killed);
      assertThat(toDown).as("connect timeout + 1 s").isLessThan(Duration.ofSeconds(6));
      assertThat(host(cluster, nodes.contactPoint(2)).isUp()).isTrue();

      nodes.start(3);
      long started = System.nanoTime();
      waitUntil(third::isUp, Duration.ofSeconds(10));
      assertThat(Duration.ofNanos(System.nanoTime() - started)).as("reconnection delay x 2 (+ scheduling slack)")
          .isLessThan(RECONNECT.multipliedBy(2).plusSeconds(1));
      waitUntil(() -> session.pool(third).openCount() == 1, Duration.ofSeconds(10));
    } finally {
      ensureRunning(nodes, 3);
    }
  }

  @Test
  void should_move_the_control_connection_when_its_node_dies_without_marking_others_down(LocalCluster nodes)
      throws Exception {
    try (Cluster cluster = builder(nodes.contactPoint(1)).build(); Session session = cluster.connect()) {
      Host second = host(cluster, nodes.contactPoint(2));
      Host third = host(cluster, nodes.contactPoint(3));
      nodes.stop(1); // the only contact point, so the control connection's node
      long stopped = System.nanoTime();
      // The new control connection answers agreement checks, which need its system tables.
      waitUntil(() -> {
        try {
          return cluster.metadata().checkSchemaAgreement();
        } catch (RuntimeException e) {
          return false;
        }
      }, Duration.ofSeconds(10));
      // The move itself takes the reconnection delay and a handshake (0.6 s in a CI log); the first
      // agreement check on the new node then read system tables of three nodes that share 2 cores,
      // up to 1.1 s more. Still well under the 5 s connect timeout a wrong path would wait for.
      assertThat(Duration.ofNanos(System.nanoTime() - stopped)).isLessThan(RECONNECT.plusSeconds(2));
      assertThat(second.isUp()).isTrue();
      assertThat(third.isUp()).isTrue();
      assertThat(session.execute("SELECT release_version FROM system.local").one().getString(0)).startsWith("5.0");
    } finally {
      ensureRunning(nodes, 1);
    }
  }

  @Test
  void should_wait_for_schema_agreement_after_ddl(LocalCluster nodes) {
    try (Cluster cluster = builder(nodes.contactPoint(1)).build(); Session session = cluster.connect()) {
      session.execute("DROP KEYSPACE IF EXISTS it_view");
      ResultSet created = session.execute(
          "CREATE KEYSPACE it_view WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 3}");
      assertThat(created.executionInfo().isSchemaInAgreement()).isTrue();
      ResultSet table = session.execute("CREATE TABLE it_view.t (k int PRIMARY KEY, v text)");
      assertThat(table.executionInfo().isSchemaInAgreement()).isTrue();
      assertThat(cluster.metadata().checkSchemaAgreement()).isTrue();
      session.execute("DROP KEYSPACE it_view");
    }
  }

  private static void ensureRunning(LocalCluster nodes, int n) {
    if (!nodes.node(n).isRunning()) {
      nodes.start(n);
    }
  }

}
