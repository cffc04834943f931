package io.loomcql.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.loomcql.Cluster;
import io.loomcql.PreparedStatement;
import io.loomcql.Session;
import io.loomcql.metadata.ColumnMetadata;
import io.loomcql.metadata.Host;
import io.loomcql.metadata.KeyspaceMetadata;
import io.loomcql.metadata.TokenMap;
import io.loomcql.testkit.CassandraExtension;
import io.loomcql.testkit.LocalCluster;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Schema metadata and the token map on the real three-node cluster: the metadata is current
 * when a DDL statement returns, follows other clients' changes through events, and the token
 * map places every key where Cassandra itself does (asked over JMX, as nodetool getendpoints).
 */
@ExtendWith(CassandraExtension.class)
class MetadataIT {
  private static final String KEYSPACE = "it_metadata";
  private static Cluster cluster;
  private static Session session;
  private static LocalCluster nodes;

  @BeforeAll
  static void connect(LocalCluster threeNodes) {
    nodes = threeNodes;
    cluster = Cluster.builder()
        .addContactPoints(nodes.contactPoint(1))
        .withSchemaEventRefreshWindow(Duration.ofMillis(100))
        .build();
    session = cluster.connect();
    session.execute("DROP KEYSPACE IF EXISTS " + KEYSPACE);
    session.execute("DROP KEYSPACE IF EXISTS it_metadata_nts");
    session.execute("CREATE KEYSPACE " + KEYSPACE
        + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 2}");
    session.execute("CREATE KEYSPACE it_metadata_nts"
        + " WITH replication = {'class': 'NetworkTopologyStrategy', 'datacenter1': 2}");
  }

  @AfterAll
  static void close() {
    if (cluster != null) {
      session.execute("DROP KEYSPACE IF EXISTS " + KEYSPACE);
      session.execute("DROP KEYSPACE IF EXISTS it_metadata_nts");
      cluster.close();
    }
  }

  @Test
  void should_be_current_when_a_ddl_statement_returns() {
    session.execute("CREATE TABLE " + KEYSPACE + ".events (tenant text, day int, seq bigint, note text,"
        + " PRIMARY KEY ((tenant, day), seq)) WITH CLUSTERING ORDER BY (seq DESC)");
    KeyspaceMetadata keyspace = cluster.metadata().keyspace(KEYSPACE).orElseThrow();
    assertThat(keyspace.replication()).containsEntry("replication_factor", "2");
    assertThat(keyspace.table("events").orElseThrow().partitionKey()).extracting(ColumnMetadata::name)
        .containsExactly("tenant", "day");

    session.execute("ALTER TABLE " + KEYSPACE + ".events ADD extra text");
    assertThat(cluster.metadata().keyspace(KEYSPACE).orElseThrow().table("events").orElseThrow().column("extra"))
        .isPresent();
    assertThat(cluster.metadata().keyspace(KEYSPACE).orElseThrow().describe())
        .contains("CREATE TABLE " + KEYSPACE + ".events");
    assertThat(cluster.metadata().describe()).contains("CREATE KEYSPACE " + KEYSPACE);

    session.execute("DROP TABLE " + KEYSPACE + ".events");
    assertThat(cluster.metadata().keyspace(KEYSPACE).orElseThrow().table("events")).isEmpty();
  }

  @Test
  void should_follow_another_clients_schema_changes_through_events() throws Exception {
    try (Cluster other = Cluster.builder().addContactPoints(nodes.contactPoint(2)).build();
        Session otherSession = other.connect()) {
      otherSession.execute("CREATE TABLE " + KEYSPACE + ".from_elsewhere (k int PRIMARY KEY)");
      waitUntil(() -> cluster.metadata().keyspace(KEYSPACE).orElseThrow().table("from_elsewhere").isPresent());
      otherSession.execute("DROP TABLE " + KEYSPACE + ".from_elsewhere");
      waitUntil(() -> cluster.metadata().keyspace(KEYSPACE).orElseThrow().table("from_elsewhere").isEmpty());
    }
  }

  @Test
  void should_place_1000_random_keys_on_the_replicas_cassandra_reports() {
    session.execute("CREATE TABLE IF NOT EXISTS " + KEYSPACE + ".by_int (k int PRIMARY KEY)");
    session.execute("CREATE TABLE IF NOT EXISTS it_metadata_nts.by_text (k text PRIMARY KEY)");
    TokenMap tokens = cluster.metadata().tokenMap();
    assertThat(cluster.metadata().allHosts()).allSatisfy(host -> assertThat(tokens.tokens(host)).hasSize(1));
    Random random = new Random(20261125);
    for (int i = 0; i < 1000; i++) {
      int key = random.nextInt();
      List<String> expected = nodes.node(1).naturalEndpoints(KEYSPACE, "by_int", Integer.toString(key));
      assertThat(addresses(tokens.replicas(KEYSPACE, ByteBuffer.allocate(4).putInt(0, key))))
          .as("replicas of int key %d", key).containsExactlyInAnyOrderElementsOf(expected);
    }
    for (int i = 0; i < 200; i++) {
      String key = "key-" + random.nextLong();
      List<String> expected = nodes.node(2).naturalEndpoints("it_metadata_nts", "by_text", key);
      assertThat(addresses(tokens.replicas("it_metadata_nts", ByteBuffer.wrap(key.getBytes(StandardCharsets.UTF_8)))))
          .as("replicas of text key %s", key).containsExactlyInAnyOrderElementsOf(expected).hasSize(2);
    }
  }

  @Test
  void should_send_each_single_partition_request_to_a_replica_of_its_key() {
    session.execute("DROP KEYSPACE IF EXISTS it_metadata_rf1");
    session.execute("CREATE KEYSPACE it_metadata_rf1"
        + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
    session.execute("CREATE TABLE it_metadata_rf1.kv (k int PRIMARY KEY, v text)");
    PreparedStatement insert = session.prepare("INSERT INTO it_metadata_rf1.kv (k, v) VALUES (?, ?)");
    TokenMap tokens = cluster.metadata().tokenMap();
    Random random = new Random(7);
    java.util.Set<Host> coordinators = new java.util.HashSet<>();
    for (int i = 0; i < 1000; i++) {
      int key = random.nextInt();
      Host owner = tokens.replicas("it_metadata_rf1", ByteBuffer.allocate(4).putInt(0, key)).iterator().next();
      Host coordinator = session.execute(insert.bind(key, "v")).executionInfo().coordinator();
      assertThat(coordinator).as("coordinator of key %d", key).isSameAs(owner);
      coordinators.add(coordinator);
    }
    assertThat(coordinators).as("RF 1 over three nodes: each node owns some keys").hasSize(3);
    session.execute("DROP KEYSPACE it_metadata_rf1");
  }

  private static List<String> addresses(java.util.Set<Host> hosts) {
    return hosts.stream().map(h -> h.address().getAddress().getHostAddress()).toList();
  }

  private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 10 s");
      }
      Thread.sleep(20);
    }
  }
}
