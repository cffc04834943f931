package io.loomcql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loomcql.error.OperationTimedOutException;
import io.loomcql.testkit.FakeNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A connection that collects too many orphaned stream ids is drained and replaced by the pool. */
class OrphanLimitTest {

  @Test
  void should_replace_a_connection_once_its_orphans_pass_the_limit() throws Exception {
    try (FakeNode node = new FakeNode()) {
      node.behavior(
          (query, request, peer) -> {
            if (!query.query().startsWith("slow")) {
              FakeNode.echo(query, request, peer);
            } // slow queries are never answered: each leaves an orphan behind
          });
      try (Cluster cluster =
              Cluster.builder()
                  .addContactPoints(node.address())
                  .withRequestTimeout(Duration.ofMillis(100))
                  .withMaxOrphanedRequestsPerConnection(3)
                  .build();
          Session session = cluster.connect()) {
        int before = node.acceptedConnections();
        for (int i = 0; i < 4; i++) {
          int n = i;
          assertThatThrownBy(() -> session.execute("slow " + n)).isInstanceOf(OperationTimedOutException.class);
        }
        assertThat(session.execute("fast").one().getString(0)).isEqualTo("fast");
        assertThat(node.acceptedConnections()).as("a new connection replaced the drained one").isEqualTo(before + 1);
        HostConnectionPoolAssert.openConnections(node, 2); // the control connection and the new pool connection
      }
    }
  }
}
