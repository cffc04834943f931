package io.loomcql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loomcql.internal.protocol.ErrorCodes;
import io.loomcql.internal.protocol.ErrorDetails;
import io.loomcql.internal.protocol.ErrorResponse;
import io.loomcql.metadata.Host;
import io.loomcql.testkit.FakeNode;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Set;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/** {@code withMetrics(true)} counts what happened, per session and per node, and shows it over JMX. */
class MetricsTest {

  @Test
  void should_count_requests_errors_and_timeouts_and_move_percentiles_with_a_slow_node() throws Exception {
    try (FakeNode node = new FakeNode()) {
      node.behavior((query, request, peer) -> {
        String text = query.query();
        if (text.startsWith("bad")) {
          peer.reply(request, new ErrorResponse(ErrorCodes.SYNTAX_ERROR, "no viable alternative", ErrorDetails.None.INSTANCE));
        } else if (text.startsWith("slow")) {
          peer.replyLater(request, FakeNode.textRow(text), 200);
        } else if (!text.startsWith("never")) {
          FakeNode.echo(query, request, peer);
        }
      });
      try (Cluster cluster = Cluster.builder().addContactPoints(node.address()).withMetrics(true).build();
          Session session = cluster.connect()) {
        for (int i = 0; i < 200; i++) {
          session.execute("fast " + i);
        }
        MetricsSnapshot fast = cluster.metrics().total();
        assertThat(fast.requests()).isEqualTo(200);
        assertThat(fast.errors()).isZero();
        assertThat(fast.latency().count()).isEqualTo(200);
        assertThat(fast.latency().p50()).isLessThan(Duration.ofMillis(100));
        assertThat(fast.openConnections()).isEqualTo(1);
        assertThat(fast.bytesSent()).isPositive();
        assertThat(fast.bytesReceived()).isGreaterThan(fast.bytesSent());
        assertThat(fast.inFlight()).isZero();

        assertThatThrownBy(() -> session.execute("bad")).isInstanceOf(io.loomcql.error.SyntaxError.class);
        assertThatThrownBy(() -> session.execute(SimpleStatement.newInstance("never").setTimeout(Duration.ofMillis(50))))
            .isInstanceOf(io.loomcql.error.OperationTimedOutException.class);
        for (int i = 0; i < 100; i++) {
          session.executeAsync("slow " + i);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (cluster.metrics().total().requests() < 302 && System.nanoTime() < deadline) {
          Thread.sleep(10);
        }
        MetricsSnapshot after = cluster.metrics().total();
        assertThat(after.requests()).isEqualTo(302);
        assertThat(after.errors()).isEqualTo(2);
        assertThat(after.errorsByType()).containsEntry("SyntaxError", 1L).containsEntry("OperationTimedOutException", 1L);
        assertThat(after.clientTimeouts()).isEqualTo(1);
        assertThat(after.latency().p50()).as("a third of the requests took 200 ms").isLessThan(Duration.ofMillis(100));
        assertThat(after.latency().p99()).isGreaterThanOrEqualTo(Duration.ofMillis(190));
        assertThat(after.latency().max()).isGreaterThanOrEqualTo(Duration.ofMillis(200));

        Host host = session.hosts().iterator().next();
        MetricsSnapshot perHost = cluster.metrics().host(host);
        assertThat(perHost.requests()).as("attempts that reached the node").isEqualTo(302);
        assertThat(perHost.openConnections()).isEqualTo(1);
        assertThat(cluster.metrics().hosts()).containsOnlyKeys(host);
        assertThat(cluster.metrics().session(session).requests()).isEqualTo(302);

        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        Set<ObjectName> names = server.queryNames(new ObjectName("io.loomcql:type=Metrics,*"), null);
        ObjectName total = names.stream().filter(n -> "total".equals(n.getKeyProperty("scope"))).findFirst().orElseThrow();
        assertThat(server.getAttribute(total, "Requests")).isEqualTo(302L);
        assertThat(names).anyMatch(n -> "host".equals(n.getKeyProperty("scope")));
      }
      MBeanServer server = ManagementFactory.getPlatformMBeanServer();
      assertThat(server.queryNames(new ObjectName("io.loomcql:type=Metrics,*"), null))
          .as("closing the cluster takes its MBeans down").isEmpty();
    }
  }

  @Test
  void should_refuse_metrics_that_were_not_asked_for() throws Exception {
    try (FakeNode node = new FakeNode();
        Cluster cluster = Cluster.builder().addContactPoints(node.address()).build()) {
      assertThatThrownBy(cluster::metrics).isInstanceOf(IllegalStateException.class).hasMessageContaining("withMetrics(true)");
    }
  }

  @Test
  void should_count_sessions_apart() throws Exception {
    try (FakeNode node = new FakeNode();
        Cluster cluster = Cluster.builder().addContactPoints(node.address()).withMetrics(true).build();
        Session one = cluster.connect();
        Session two = cluster.connect()) {
      one.execute("a");
      two.execute("b");
      two.execute("c");
      assertThat(cluster.metrics().session(one).requests()).isEqualTo(1);
      assertThat(cluster.metrics().session(two).requests()).isEqualTo(2);
      assertThat(cluster.metrics().total().requests()).isEqualTo(3);
      assertThat(cluster.metrics().total().openConnections()).isEqualTo(2);
    }
  }
}
