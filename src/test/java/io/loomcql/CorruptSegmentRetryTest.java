package io.loomcql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loomcql.error.ConnectionException;
import io.loomcql.internal.protocol.segment.CorruptSegmentException;
import io.loomcql.metadata.Host;
import io.loomcql.policy.ConstantReconnectionPolicy;
import io.loomcql.testkit.FakeNode;
import io.loomcql.testkit.FixedRoutes;
import io.loomcql.testkit.TwoFakeNodes;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Plan test A5 through a session: on protocol v5, node a answers with a segment whose header
 * CRC24 is wrong. Its connection closes, and the request is retried on node b if, and only if,
 * it is idempotent.
 */
class CorruptSegmentRetryTest extends TwoFakeNodes {
  @BeforeEach
  void scriptNodes() {
    a.speakV5(true);
    b.speakV5(true);
    a.behavior((query, request, peer) -> {
      if (query.query().startsWith("corrupt")) {
        byte[] segment = FakeNode.Peer.segmented(request, FakeNode.textRow("from a"));
        segment[0] ^= 0x01; // the lowest bit of the payload length, covered by the header CRC24
        peer.writeRaw(segment);
      } else {
        FakeNode.echo(query, request, peer);
      }
    });
  }

  private Host host(Session session, FakeNode node) throws Exception {
    InetSocketAddress address = node.address();
    return session.hosts().stream().filter(h -> h.address().equals(address)).findFirst().orElseThrow();
  }

  private static void awaitOpen(Session session, Host host) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (session.pool(host).openCount() == 0 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(session.pool(host).openCount()).as("pool of " + host).isPositive();
  }

  @Test
  void should_retry_only_an_idempotent_statement_on_the_next_node_when_a_header_crc_is_corrupt() throws Exception {
    try (Cluster cluster = Cluster.builder()
            .addContactPoints(b.address())
            .withLoadBalancingPolicy(FixedRoutes.inOrder(a.address(), b.address()))
            .withReconnectionPolicy(new ConstantReconnectionPolicy(Duration.ofMillis(50)))
            .build();
        Session session = cluster.connect()) {
      assertThat(cluster.protocolVersion()).isEqualTo(ProtocolVersion.V5);
      Host hostA = host(session, a);
      Host hostB = host(session, b);
      awaitOpen(session, hostA);

      ResultSet retried = session.execute(SimpleStatement.newInstance("corrupt, idempotent").setIdempotent(true));
      assertThat(retried.one().getString(0)).as("answered by b").isEqualTo("corrupt, idempotent");
      ExecutionInfo info = retried.executionInfo();
      assertThat(info.triedHosts()).containsExactly(hostA, hostB);
      assertThat(info.attempts().get(0).error())
          .isInstanceOf(ConnectionException.class)
          .rootCause()
          .isInstanceOfSatisfying(CorruptSegmentException.class, e -> assertThat(e.inHeader()).isTrue());

      awaitOpen(session, hostA); // the pool replaced the connection the corrupt segment closed
      int queriesAtB = b.queries();
      InetSocketAddress addressA = a.address();
      assertThatThrownBy(() -> session.execute("corrupt, not idempotent"))
          .isInstanceOfSatisfying(ConnectionException.class, e -> {
            assertThat(e.address()).isEqualTo(addressA);
            assertThat(e.getMessage()).contains("not idempotent");
          })
          .rootCause()
          .isInstanceOf(CorruptSegmentException.class);
      assertThat(b.queries()).as("not sent again to b").isEqualTo(queriesAtB);
    }
  }
}
