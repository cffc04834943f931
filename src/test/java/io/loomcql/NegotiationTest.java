package io.loomcql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loomcql.error.NoHostAvailableException;
import io.loomcql.error.UnsupportedProtocolVersionException;
import io.loomcql.metadata.Host;
import io.loomcql.policy.ConstantReconnectionPolicy;
import io.loomcql.testkit.FakeNode;
import io.loomcql.testkit.logging.LogCapture;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Version negotiation (plan test E30) against fake nodes that speak only v3 and v4, as Cassandra
 * 3.x does, or v5 until told to refuse it.
 */
class NegotiationTest {

  @Test
  void should_step_down_from_v5_to_the_version_the_node_answers_in() throws Exception {
    try (FakeNode node = new FakeNode(); Cluster cluster = Cluster.builder().addContactPoints(node.address()).build()) {
      try (Session session = cluster.connect()) {
        assertThat(cluster.protocolVersion()).isEqualTo(ProtocolVersion.V4);
        assertThat(session.execute("hello").one().getString(0)).isEqualTo("hello");
      }
    }
  }

  @Test
  void should_warn_when_it_steps_down_on_first_contact() throws Exception {
    try (FakeNode node = new FakeNode();
        LogCapture logs = LogCapture.start();
        Cluster cluster = Cluster.builder().addContactPoints(node.address()).build();
        Session session = cluster.connect()) {
      assertThat(cluster.protocolVersion()).isEqualTo(ProtocolVersion.V4);
      assertThat(logs.lines()).filteredOn(line -> line.contains("stepping down")).singleElement().satisfies(line ->
          assertThat(line).startsWith("WARN").contains(node.address().toString()).contains("V5").contains("V4"));
    }
  }

  @Test
  void should_keep_v5_and_leave_a_node_down_when_it_refuses_v5_after_the_session_was_established() throws Exception {
    List<FakeNode> nodes = FakeNode.cluster(2);
    FakeNode a = nodes.get(0);
    FakeNode b = nodes.get(1);
    a.speakV5(true);
    b.speakV5(true);
    try (a; b;
        LogCapture logs = LogCapture.start();
        Cluster cluster = Cluster.builder()
            .addContactPoints(a.address()) // the control connection is on a too
            .withReconnectionPolicy(new ConstantReconnectionPolicy(Duration.ofMillis(100)))
            .build();
        Session session = cluster.connect()) {
      assertThat(cluster.protocolVersion()).isEqualTo(ProtocolVersion.V5);
      assertThat(session.execute("over v5").one().getString(0)).isEqualTo("over v5");
      Host hostA = session.hosts().stream().filter(h -> h.address().equals(addressOf(a))).findFirst().orElseThrow();
      assertThat(hostA.isUp()).isTrue();

      a.speakV5(false); // a "downgraded" node: from now on it answers v5 with "Invalid or unsupported protocol version"
      a.dropConnections();
      long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while ((hostA.isUp() || a.versionRefusals() < 3) && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(hostA.isUp()).as("a is down").isFalse();
      assertThat(a.versionRefusals()).as("the driver came back in v5, several times").isGreaterThanOrEqualTo(3);
      for (int i = 0; i < 20; i++) {
        assertThat(session.execute(SimpleStatement.newInstance("served by b " + i).setIdempotent(true)).one().getString(0))
            .isEqualTo("served by b " + i);
      }
      assertThat(cluster.protocolVersion()).isEqualTo(ProtocolVersion.V5);
      assertThat(hostA.isUp()).isFalse();
      assertThat(a.startups(ProtocolVersion.V4)).as("v4 STARTUPs at a").isZero();
      assertThat(b.startups(ProtocolVersion.V4)).as("v4 STARTUPs at b").isZero();
      assertThat(logs.lines()).noneMatch(line -> line.contains("stepping down"));
    }
  }

  private static InetSocketAddress addressOf(FakeNode node) {
    try {
      return node.address();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void should_never_step_down_from_an_explicit_version() throws Exception {
    try (FakeNode node = new FakeNode();
        Cluster cluster =
            Cluster.builder().addContactPoints(node.address()).withProtocolVersion(ProtocolVersion.V5).build()) {
      assertThatThrownBy(cluster::connect)
          .isInstanceOfSatisfying(
              NoHostAvailableException.class,
              e -> assertThat(e.errors().values()).singleElement().isInstanceOf(UnsupportedProtocolVersionException.class));
    }
  }

  @Test
  void should_refuse_v1_and_v2_at_build() {
    assertThatThrownBy(() -> Cluster.builder().withProtocolVersion(ProtocolVersion.V2).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no Cassandra since 3.0");
  }

  @Test
  void should_refuse_snappy_with_v5_at_build() {
    assertThatThrownBy(
            () -> Cluster.builder().withProtocolVersion(ProtocolVersion.V5).withCompression(Compression.SNAPPY).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("LZ4");
  }
}
