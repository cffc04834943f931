package io.loomcql;

import static io.loomcql.testkit.Await.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loomcql.error.ConnectionException;
import io.loomcql.metadata.Host;
import io.loomcql.policy.ConstantReconnectionPolicy;
import io.loomcql.testkit.FakeNode;
import io.loomcql.testkit.ThreeFakeNodes;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Plan test D24, the variants {@code PoolTest} does not cover: closing while requests are in
 * flight and a reconnection is scheduled, {@code closeAsync()} called twice, and closing while the
 * control connection moves to another node (gocql #1688). Nodes a and b never answer queries
 * (their handshakes and system tables work), so requests stay in flight until the close.
 */
class ShutdownTest extends ThreeFakeNodes {
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);
  private static final Duration RECONNECT = Duration.ofMillis(100);
  private static final Duration CLOSE_BOUND = REQUEST_TIMEOUT.plusSeconds(1);

  private Cluster.Builder builder() throws Exception {
    return Cluster.builder()
        .addContactPoints(a.address())
        .withRequestTimeout(REQUEST_TIMEOUT)
        .withReconnectionPolicy(new ConstantReconnectionPolicy(RECONNECT));
  }

  private void silenceQueries(FakeNode... nodes) {
    for (FakeNode node : nodes) {
      node.behavior((query, request, peer) -> {}); // never answered
    }
  }

  @Test
  void should_close_with_1000_requests_in_flight_and_a_reconnection_scheduled() throws Exception {
    silenceQueries(a, b);
    Cluster cluster = builder().build();
    Session session = cluster.connect();
    Host hostC = host(cluster, c.address());
    waitUntil(() -> session.pool(hostC).openCount() == 1);
    int port = c.address().getPort();
    c.close(); // node c goes down: its pool schedules a reconnection
    waitUntil(() -> !hostC.isUp());

    List<CompletableFuture<ResultSet>> pending = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      pending.add(session.executeAsync("request " + i));
    }
    waitUntil(() -> inFlight(session) == 1000);

    long start = System.nanoTime();
    CompletionStage<Void> first = cluster.closeAsync();
    CompletionStage<Void> second = cluster.closeAsync();
    assertThat(second == first).as("closeAsync() twice gives the same stage").isTrue();
    first.toCompletableFuture().get(CLOSE_BOUND.toMillis(), TimeUnit.MILLISECONDS);
    CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).handle((r, e) -> null)
        .get(CLOSE_BOUND.toMillis(), TimeUnit.MILLISECONDS);
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertThat(took).as("close and every pending future").isLessThan(CLOSE_BOUND);
    assertThat(pending).allSatisfy(future -> assertThatThrownBy(future::join)
        .hasCauseInstanceOf(IllegalStateException.class).hasMessageContaining("closed"));
    assertThat(cluster.isClosed()).isTrue();
    assertThat(session.isClosed()).isTrue();
    assertThat(cluster.closeAsync() == first).as("the same stage once closed").isTrue();
    cluster.close(); // idempotent after closeAsync
    assertThat(inFlight(session)).isZero();

    c = new FakeNode(port); // c comes back: the reconnection scheduled before the close must not happen
    Thread.sleep(RECONNECT.multipliedBy(3).toMillis());
    assertThat(c.acceptedConnections()).as("connections from a closed cluster").isZero();
    waitUntil(() -> a.openConnections() + b.openConnections() == 0);
  }

  @Test
  void should_close_at_once_while_pools_hang_in_a_handshake() throws Exception {
    Cluster cluster = builder().build();
    Session session = cluster.connect();
    Host hostB = host(cluster, b.address());
    Host hostC = host(cluster, c.address());
    waitUntil(() -> session.pool(hostB).openCount() == 1 && session.pool(hostC).openCount() == 1);
    int portB = b.address().getPort();
    int portC = c.address().getPort();
    b.close();
    c.close();
    b = new FakeNode(portB); // back at once, but answering nothing: a handshake hangs until its timeout
    c = new FakeNode(portC);
    b.silent(true);
    c.silent(true);
    waitUntil(() -> b.acceptedConnections() == 1 && c.acceptedConnections() == 1); // the refills connect

    long start = System.nanoTime();
    cluster.close();
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertThat(took).as("close while two pools wait %s for a handshake", REQUEST_TIMEOUT)
        .isLessThan(Duration.ofMillis(500));
    waitUntil(() -> b.openConnections() + c.openConnections() == 0);
  }

  @Test
  void should_complete_close_async_of_a_cluster_that_never_connected() throws Exception {
    Cluster cluster = builder().build();
    CompletionStage<Void> first = cluster.closeAsync();
    assertThat(cluster.closeAsync() == first).as("the same stage once closed").isTrue();
    assertThat(first.toCompletableFuture().get(1, TimeUnit.SECONDS)).isNull();
    assertThat(cluster.isClosed()).isTrue();
    assertThatThrownBy(cluster::connect).isInstanceOf(IllegalStateException.class);
    assertThat(a.acceptedConnections()).isZero();
  }

  @Test
  void should_close_while_the_control_connection_moves_to_another_node() throws Exception {
    // The control node dies, and the close starts that long after: at once, or around the first
    // reconnection delay (100 ms +-15%), so that the close meets the move at different points
    // (waiting, connecting, REGISTER, node list, done).
    int port = a.address().getPort();
    int moves = 0;
    for (int lead : new int[] {0, 5, 80, 88, 95, 100, 105, 110, 118, 130, 150}) {
      silenceQueries(b, c);
      Cluster cluster = builder().build();
      Session session = cluster.connect();
      waitUntil(() -> session.hosts().stream().allMatch(h -> session.pool(h).openCount() == 1));
      List<CompletableFuture<ResultSet>> pending = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        pending.add(session.executeAsync("request " + i));
      }
      waitUntil(() -> inFlight(session) >= 130); // b and c hold theirs; a's fail when it dies

      int registeredBefore = b.registeredConnections() + c.registeredConnections();
      CountDownLatch go = new CountDownLatch(1);
      FakeNode control = a;
      Thread killer = Thread.ofVirtual().start(() -> {
        try {
          go.await();
          control.close();
        } catch (Exception e) {
          throw new AssertionError(e);
        }
      });
      go.countDown();
      if (lead > 0) {
        Thread.sleep(lead);
      }
      long start = System.nanoTime();
      CompletionStage<Void> closed = cluster.closeAsync();
      closed.toCompletableFuture().get(CLOSE_BOUND.toMillis(), TimeUnit.MILLISECONDS);
      CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).handle((r, e) -> null)
          .get(CLOSE_BOUND.toMillis(), TimeUnit.MILLISECONDS);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).as("round with lead %d ms", lead).isLessThan(CLOSE_BOUND);
      assertThat(pending).allSatisfy(future -> assertAnsweredOrClosed(future, port));
      killer.join();
      if (b.registeredConnections() + c.registeredConnections() > registeredBefore) {
        moves++; // the move got as far as REGISTER on b or c before the close stopped it
      }
      waitUntil(() -> b.openConnections() + c.openConnections() == 0); // nothing the move opened survives
      a = new FakeNode(port); // restarted for the next round
      a.peers(List.of(b, c));
    }
    assertThat(moves).as("rounds where the close met a control connection that had moved").isPositive();
  }

  /**
   * Nothing left pending: a success (node a answers until it dies), the connection error of a
   * request that was on node a ({@code deadPort}) when it died, or the session's closed error.
   */
  private static void assertAnsweredOrClosed(CompletableFuture<ResultSet> future, int deadPort) {
    assertThat(future).isDone();
    if (future.isCompletedExceptionally()) {
      Throwable cause = future.handle((r, e) -> e instanceof CompletionException ? e.getCause() : e).join();
      if (cause instanceof ConnectionException) {
        assertThat(cause).hasMessageContaining(":" + deadPort + "]");
      } else {
        assertThat(cause).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
      }
    }
  }

  private static int inFlight(Session session) {
    return session.hosts().stream().mapToInt(h -> session.pool(h) == null ? 0 : session.pool(h).inFlight()).sum();
  }

  private static Host host(Cluster cluster, InetSocketAddress address) {
    return cluster.metadata().allHosts().stream().filter(h -> h.address().equals(address)).findFirst().orElseThrow();
  }
}
