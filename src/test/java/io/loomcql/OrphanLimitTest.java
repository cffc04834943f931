package io.loomcql;

import static io.loomcql.testkit.Await.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loomcql.error.OperationTimedOutException;
import io.loomcql.internal.protocol.Frame;
import io.loomcql.testkit.FakeNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Plan test B8: a connection that collects too many orphaned stream ids (requests that timed out
 * on the client while their answer is still owed) is drained and replaced by the pool. Queries
 * starting with "slow" are never answered; "held" ones are answered when the test says so.
 */
class OrphanLimitTest {
  private record Held(Frame request, FakeNode.Peer peer, String text) {}

  private final LinkedBlockingQueue<Held> held = new LinkedBlockingQueue<>();

  private void script(FakeNode node) {
    node.behavior(
        (query, request, peer) -> {
          if (query.query().startsWith("held")) {
            held.add(new Held(request, peer, query.query()));
          } else if (!query.query().startsWith("slow")) {
            FakeNode.echo(query, request, peer);
          } // slow queries are never answered: each leaves an orphan behind
        });
  }

  /** 100 ms timeouts, and a connection drains once a 4th request is orphaned. */
  private static Cluster clusterWithThreeOrphansAllowed(FakeNode node) throws IOException {
    return Cluster.builder()
        .addContactPoints(node.address())
        .withRequestTimeout(Duration.ofMillis(100))
        .withMaxOrphanedRequestsPerConnection(3)
        .build();
  }

  @Test
  void should_replace_a_connection_once_its_orphans_pass_the_limit() throws Exception {
    try (FakeNode node = new FakeNode()) {
      script(node);
      try (Cluster cluster = clusterWithThreeOrphansAllowed(node); Session session = cluster.connect()) {
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

  @Test
  void should_let_pending_requests_finish_before_closing_a_drained_connection() throws Exception {
    try (FakeNode node = new FakeNode()) {
      script(node);
      try (Cluster cluster = clusterWithThreeOrphansAllowed(node); Session session = cluster.connect()) {
        HostConnectionPool pool = session.pool(session.hosts().iterator().next());
        int before = node.acceptedConnections();
        // A live request with a long timeout, pending on the connection that is about to drain.
        CompletableFuture<ResultSet> pending =
            session.executeAsync(SimpleStatement.newInstance("held").setTimeout(Duration.ofSeconds(10)));
        Held live = held.poll(5, TimeUnit.SECONDS);
        assertThat(live).as("the held request reached the node").isNotNull();
        for (int i = 0; i < 4; i++) { // the 4th orphan passes the limit of 3
          int n = i;
          assertThatThrownBy(() -> session.execute("slow " + n)).isInstanceOf(OperationTimedOutException.class);
        }
        // Draining: no new request goes to the old connection, but it stays open for the held one.
        assertThat(session.execute("fast").one().getString(0)).isEqualTo("fast");
        assertThat(node.acceptedConnections()).as("the pool opened a replacement").isEqualTo(before + 1);
        Thread.sleep(200);
        assertThat(pending).as("the pending request is still waiting for its answer").isNotDone();
        assertThat(node.openConnections()).as("control, draining and replacement connections").isEqualTo(3);

        live.peer().reply(live.request(), FakeNode.textRow("answered late but in time"));
        assertThat(pending.get(5, TimeUnit.SECONDS).one().getString(0)).isEqualTo("answered late but in time");
        HostConnectionPoolAssert.openConnections(node, 2); // the drained connection closed after its last answer
        waitUntil(() -> pool.inFlight() == 0);
        assertThat(pool.openCount()).isEqualTo(1);
        assertThat(pool.inFlight()).as("stream ids held on the replacement, orphans included").isZero();
        assertThat(session.execute("after").one().getString(0)).isEqualTo("after");
        assertThat(node.acceptedConnections()).as("no further connection").isEqualTo(before + 1);
      }
    }
  }

  @Test
  void should_allow_256_orphans_per_connection_by_default() throws Exception {
    try (FakeNode node = new FakeNode()) {
      script(node);
      try (Cluster cluster =
              Cluster.builder().addContactPoints(node.address()).withRequestTimeout(Duration.ofMillis(200)).build();
          Session session = cluster.connect()) {
        HostConnectionPool pool = session.pool(session.hosts().iterator().next());
        int before = node.acceptedConnections();
        timeOutAll(session, 256);
        assertThat(pool.inFlight()).as("256 orphans hold their stream ids").isEqualTo(256);
        assertThat(session.execute("fast").one().getString(0)).isEqualTo("fast");
        assertThat(node.acceptedConnections()).as("256 orphans are within the default limit").isEqualTo(before);

        timeOutAll(session, 1); // the 257th passes it: nothing live, so the connection closes at once
        waitUntil(() -> node.acceptedConnections() == before + 1 && pool.openCount() == 1);
        HostConnectionPoolAssert.openConnections(node, 2); // control and replacement
        assertThat(pool.inFlight()).as("the replacement starts with no orphan").isZero();
        assertThat(session.execute("after").one().getString(0)).isEqualTo("after");
      }
    }
  }

  /** Sends {@code count} unanswered requests at once and waits until every one timed out. */
  private static void timeOutAll(Session session, int count) throws InterruptedException {
    List<CompletableFuture<ResultSet>> futures = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      futures.add(session.executeAsync("slow " + i));
    }
    for (CompletableFuture<ResultSet> future : futures) {
      assertThatThrownBy(() -> future.get(5, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(OperationTimedOutException.class);
    }
  }
}
