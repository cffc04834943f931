package io.loomcql.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loomcql.Cluster;
import io.loomcql.ResultSet;
import io.loomcql.Session;
import io.loomcql.SimpleStatement;
import io.loomcql.error.OperationTimedOutException;
import io.loomcql.testkit.FakeNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RequestThrottlerTest {

  @Test
  void should_let_a_burst_through_then_space_requests_by_the_rate() throws Exception {
    AtomicLong now = new AtomicLong(0);
    RateLimitingThrottler throttler = new RateLimitingThrottler(10, now::get); // one per 100 ms, bursts of 10
    now.set(5_000_000_000L);
    for (int i = 0; i < 10; i++) {
      assertThat(throttler.acquire(0)).as("burst permit " + i).isTrue();
    }
    assertThat(throttler.acquire(0)).as("the 11th needs to wait and may not").isFalse();
    assertThat(throttler.acquire(50_000_000)).as("the next slot is 100 ms away").isFalse();
    now.addAndGet(100_000_000);
    assertThat(throttler.acquire(0)).isTrue();
    assertThat(throttler.acquire(0)).isFalse();
  }

  @Test
  void should_make_a_caller_wait_for_its_slot_rather_than_fail() throws Exception {
    RateLimitingThrottler throttler = new RateLimitingThrottler(20); // one per 50 ms after the burst
    for (int i = 0; i < 20; i++) {
      throttler.acquire(0);
    }
    long start = System.nanoTime();
    assertThat(throttler.acquire(Duration.ofSeconds(1).toNanos())).isTrue();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(20));
  }

  @Test
  void should_reject_limits_below_one() {
    assertThatThrownBy(() -> new RateLimitingThrottler(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ConcurrencyLimitingThrottler(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void should_never_let_more_requests_than_the_limit_reach_the_nodes() throws Exception {
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    try (FakeNode node = new FakeNode()) {
      node.behavior((query, request, peer) -> {
        most.accumulateAndGet(running.incrementAndGet(), Math::max);
        Thread.startVirtualThread(() -> {
          try {
            Thread.sleep(50);
            running.decrementAndGet();
            FakeNode.echo(query, request, peer);
          } catch (Exception ignored) {
            // the client went away
          }
        });
      });
      ConcurrencyLimitingThrottler throttler = new ConcurrencyLimitingThrottler(2);
      try (Cluster cluster = Cluster.builder().addContactPoints(node.address()).withRequestThrottler(throttler).build();
          Session session = cluster.connect()) {
        List<CompletableFuture<ResultSet>> futures = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
          futures.add(session.executeAsync("q" + i));
        }
        for (int i = 0; i < 10; i++) {
          assertThat(futures.get(i).get().one().getString(0)).isEqualTo("q" + i);
        }
        assertThat(most.get()).isEqualTo(2);
        assertThat(throttler.inFlight()).isZero();

        node.behavior((query, request, peer) -> {}); // never answers: two requests hold the permits
        session.executeAsync(SimpleStatement.newInstance("held 1").setTimeout(Duration.ofSeconds(2)));
        session.executeAsync(SimpleStatement.newInstance("held 2").setTimeout(Duration.ofSeconds(2)));
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (throttler.inFlight() < 2 && System.nanoTime() < deadline) {
          Thread.sleep(5);
        }
        assertThatThrownBy(() -> session.execute(SimpleStatement.newInstance("waits").setTimeout(Duration.ofMillis(100))))
            .isInstanceOf(OperationTimedOutException.class)
            .hasMessageContaining("throttler");
      }
    }
  }
}
