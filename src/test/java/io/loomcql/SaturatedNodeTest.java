package io.loomcql;

import static io.loomcql.testkit.Await.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.loomcql.error.ConnectionException;
import io.loomcql.metadata.Host;
import io.loomcql.testkit.FakeNode;
import io.loomcql.testkit.FixedRoutes;
import io.loomcql.testkit.TwoFakeNodes;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * A node whose every stream id is taken (slow, or not answering) is skipped for the next node in
 * the plan, and waited for only once the plan ran out. Without the skip, a request behind a stuck
 * node waits for an id until its timeout although another replica could answer at once.
 */
class SaturatedNodeTest extends TwoFakeNodes {
  private static final int STREAM_IDS = 4;
  private static final Duration TIMEOUT = Duration.ofSeconds(3);

  private Cluster cluster() throws Exception {
    return Cluster.builder()
        .addContactPoints(a.address())
        .withLoadBalancingPolicy(FixedRoutes.inOrder(a.address(), b.address()))
        .withMaxRequestsPerConnection(STREAM_IDS)
        .withConnectionsPerHost(1)
        .withRequestTimeout(TIMEOUT)
        .build();
  }

  private static Host host(Session session, FakeNode node) throws Exception {
    InetSocketAddress address = node.address();
    return session.hosts().stream().filter(h -> h.address().equals(address)).findFirst().orElseThrow();
  }

  /** Sends {@link #STREAM_IDS} requests that node a holds, and waits until they hold all its ids. */
  private static List<CompletableFuture<ResultSet>> saturate(Session session, Host hostA)
      throws InterruptedException {
    List<CompletableFuture<ResultSet>> held = new ArrayList<>();
    for (int i = 0; i < STREAM_IDS; i++) {
      held.add(session.executeAsync("hold " + i));
    }
    HostConnectionPool pool = session.pool(hostA);
    waitUntil(() -> pool.inFlight() == STREAM_IDS);
    return held;
  }

  @Test
  void should_send_a_request_to_the_next_node_at_once_when_every_stream_id_of_the_first_is_taken()
      throws Exception {
    a.behavior((query, request, peer) -> {
      if (!query.query().startsWith("hold")) {
        FakeNode.echo(query, request, peer);
      } // held: never answered
    });
    try (Cluster cluster = cluster(); Session session = cluster.connect()) {
      Host hostA = host(session, a);
      Host hostB = host(session, b);
      List<CompletableFuture<ResultSet>> held = saturate(session, hostA);

      long start = System.nanoTime();
      ResultSet result = session.execute("while a is full");
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      assertThat(result.one().getString(0)).isEqualTo("while a is full");
      assertThat(result.executionInfo().coordinator()).as("answered by").isEqualTo(hostB);
      assertThat(result.executionInfo().attempts()).as("a was skipped, not tried and failed")
          .extracting(ExecutionInfo.Attempt::host).containsExactly(hostB);
      assertThat(took).as("no wait for one of a's ids").isLessThan(Duration.ofMillis(500));
      assertThat(held).allSatisfy(future -> assertThat(future).isNotDone());
    }
  }

  @Test
  void should_come_back_and_wait_for_an_id_on_the_saturated_node_once_the_others_failed() throws Exception {
    a.behavior((query, request, peer) -> {
      if (query.query().startsWith("hold")) {
        peer.replyLater(request, FakeNode.textRow("late"), 500);
      } else {
        FakeNode.echo(query, request, peer);
      }
    });
    b.behavior((query, request, peer) -> peer.close()); // b breaks the connection under every query
    try (Cluster cluster = cluster(); Session session = cluster.connect()) {
      Host hostA = host(session, a);
      Host hostB = host(session, b);
      List<CompletableFuture<ResultSet>> held = saturate(session, hostA);

      ResultSet result = session.execute(SimpleStatement.newInstance("after b broke").setIdempotent(true));

      assertThat(result.one().getString(0)).isEqualTo("after b broke");
      assertThat(result.executionInfo().coordinator()).as("answered by").isEqualTo(hostA);
      List<ExecutionInfo.Attempt> attempts = result.executionInfo().attempts();
      assertThat(attempts).extracting(ExecutionInfo.Attempt::host).containsExactly(hostB, hostA);
      assertThat(attempts.get(0).error()).isInstanceOf(ConnectionException.class);
      assertThat(attempts.get(1).error()).isNull();
      for (CompletableFuture<ResultSet> future : held) {
        assertThat(future.get().one().getString(0)).isEqualTo("late");
      }
    }
  }
}
