package io.loomcql.internal.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loomcql.ConsistencyLevel;
import io.loomcql.ProtocolVersion;
import io.loomcql.error.OperationTimedOutException;
import io.loomcql.internal.protocol.Opcodes;
import io.loomcql.internal.protocol.Query;
import io.loomcql.internal.protocol.QueryOptions;
import io.loomcql.internal.protocol.RowsResult;
import io.loomcql.testkit.FakeNode;
import io.loomcql.testkit.FaultProxy;
import io.loomcql.testkit.ProxyRule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Plan C15 at the connection level, on a FakeNode behind a {@link FaultProxy} that holds its
 * answers: the orphan count is read from the connection itself (the real-node version,
 * {@code it.SlowServerIT}, sees it through the pool).
 */
class SlowNodeTest {
  private static final Duration TIMEOUT = Duration.ofMillis(300);
  private static final Duration PRECISION = Duration.ofMillis(50);
  private static final int REQUESTS = 10;

  @Test
  void should_time_out_on_time_and_keep_late_answers_as_orphans_until_they_arrive() throws Exception {
    ConnectionConfig config = new ConnectionConfig(
        ProtocolVersion.V4, 64, Duration.ofSeconds(2), true, false, 0, 0, null, "3.0.0", 1 << 20);
    try (FakeNode node = new FakeNode();
        FaultProxy proxy = FaultProxy.start(node.address());
        Connection connection = Handshake.connect(proxy.address(), config, null, Duration.ofSeconds(5));
        ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
      assertThat(query(connection, "warm", Duration.ofSeconds(5))).isNotNull();
      ProxyRule slow = proxy.onRequests(Opcodes.QUERY, REQUESTS, ProxyRule.Reaction.delayResponse(TIMEOUT.multipliedBy(2)));

      List<Future<Long>> timings = new ArrayList<>();
      for (int i = 0; i < REQUESTS; i++) {
        String text = "slow-" + i;
        timings.add(callers.submit(() -> {
          long start = System.nanoTime();
          assertThatThrownBy(() -> query(connection, text, TIMEOUT)).isInstanceOf(OperationTimedOutException.class);
          return System.nanoTime() - start;
        }));
      }
      for (Future<Long> timing : timings) {
        assertThat(Duration.ofNanos(timing.get(10, TimeUnit.SECONDS)))
            .isBetween(TIMEOUT.minus(PRECISION), TIMEOUT.plus(PRECISION));
      }
      assertThat(connection.orphans()).isEqualTo(REQUESTS);
      assertThat(connection.inFlight()).isEqualTo(REQUESTS);

      long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while ((slow.responsesHandled() < REQUESTS || connection.orphans() > 0) && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(slow.responsesHandled()).isEqualTo(REQUESTS);
      assertThat(connection.orphans()).isZero();
      assertThat(connection.inFlight()).isZero();
      assertThat(connection.isUsable()).isTrue();
      assertThat(query(connection, "after", Duration.ofSeconds(5))).isNotNull();
      assertThat(node.acceptedConnections()).isEqualTo(1);
    }
  }

  private static RowsResult query(Connection connection, String text, Duration timeout) {
    return (RowsResult) connection.request(
        new Query(text, QueryOptions.of(ConsistencyLevel.ONE, List.of())), System.nanoTime() + timeout.toNanos())
        .message();
  }
}
