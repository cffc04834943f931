package io.loomcql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loomcql.error.NoHostAvailableException;
import io.loomcql.error.UnsupportedProtocolVersionException;
import io.loomcql.testkit.FakeNode;
import org.junit.jupiter.api.Test;

/** Version negotiation against a fake node that speaks only v3 and v4, as Cassandra 3.x does. */
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
