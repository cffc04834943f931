package io.loomcql;

import static org.assertj.core.api.Assertions.assertThat;

import io.loomcql.testkit.FakeNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Writes one thread submits with {@code executeAsync}, one after the other, must get increasing
 * client timestamps in that order, as they do with the Java driver 4.x, so that the last one
 * submitted wins on the node. The timestamp is drawn on the submitting thread: drawn on each
 * request's own virtual thread, it followed whichever of them ran first.
 */
class AsyncTimestampOrderTest {
  private static final int WRITES = 2_000;

  @Test
  void should_give_async_writes_from_one_thread_increasing_timestamps_in_submission_order() throws Exception {
    Map<String, Long> timestamps = new ConcurrentHashMap<>();
    try (FakeNode node = new FakeNode()) {
      node.behavior((query, request, peer) -> {
        timestamps.put(query.query(), query.options().defaultTimestamp());
        FakeNode.echo(query, request, peer);
      });
      try (Cluster cluster = Cluster.builder().addContactPoints(node.address()).build();
          Session session = cluster.connect()) {
        List<CompletableFuture<ResultSet>> futures = new ArrayList<>();
        for (int i = 0; i < WRITES; i++) {
          futures.add(session.executeAsync("write " + i));
        }
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

        SimpleStatement stamped = SimpleStatement.newInstance("stamped by the caller").setTimestamp(42L);
        session.executeAsync(stamped).get(30, TimeUnit.SECONDS);
        assertThat(timestamps.get("stamped by the caller")).as("a statement's own timestamp wins").isEqualTo(42L);
      }
    }
    List<Integer> outOfOrder = new ArrayList<>();
    for (int i = 1; i < WRITES; i++) {
      if (timestamps.get("write " + i) <= timestamps.get("write " + (i - 1))) {
        outOfOrder.add(i);
      }
    }
    assertThat(outOfOrder).as("writes whose timestamp is not above the one submitted before").isEmpty();
  }
}
