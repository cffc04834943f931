package io.loomcql.it;

import static io.loomcql.testkit.Await.awaitWithin;
import static org.assertj.core.api.Assertions.assertThat;

import io.loomcql.HostConnectionPool;
import io.loomcql.Session;
import io.loomcql.error.OperationTimedOutException;
import io.loomcql.internal.protocol.Opcodes;
import io.loomcql.testkit.CassandraExtension;
import io.loomcql.testkit.FaultProxy;
import io.loomcql.testkit.ProxiedHosts;
import io.loomcql.testkit.ProxyRule;
import io.loomcql.testkit.logging.LogCapture;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Plan C15: a slow server. The proxy holds the node's responses for twice the request timeout:
 * every request times out on time, the late responses are taken as the orphans they are, and the
 * connection carries on.
 */
@ExtendWith(CassandraExtension.class)
class SlowServerIT {
  private static final Duration TIMEOUT = Duration.ofMillis(500);
  private static final Duration PRECISION = Duration.ofMillis(50);
  private static final int REQUESTS = 20;
  private static final String QUERY = "SELECT release_version FROM system.local";

  @Test
  void should_time_out_on_time_take_late_responses_as_orphans_and_keep_the_connection_when_the_node_is_slow(
      InetSocketAddress node) throws Exception {
    try (ProxiedHosts hosts = ProxiedHosts.start(node, 1, (statement, proxies) -> proxies,
            builder -> builder.withRequestTimeout(TIMEOUT));
        LogCapture logs = LogCapture.start();
        ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
      FaultProxy proxy = hosts.proxy(0);
      Session session = hosts.session();
      HostConnectionPool pool = session.pool(hosts.host(0));
      session.execute(QUERY); // warm: the timed requests take no first-call costs
      ProxyRule slow = proxy.onRequests(Opcodes.QUERY, REQUESTS, ProxyRule.Reaction.delayResponse(TIMEOUT.multipliedBy(2)));

      List<Future<Long>> timings = new ArrayList<>();
      for (int i = 0; i < REQUESTS; i++) {
        timings.add(callers.submit(() -> {
          long start = System.nanoTime();
          try {
            session.execute(QUERY);
            throw new AssertionError("answered within the timeout through a 2x delay");
          } catch (OperationTimedOutException expected) {
            return System.nanoTime() - start;
          }
        }));
      }
      List<Long> elapsed = new ArrayList<>();
      for (Future<Long> timing : timings) {
        elapsed.add(timing.get(10, TimeUnit.SECONDS));
      }
      // Every caller gave up, and every answer is still owed: each id is held by an orphan.
      assertThat(slow.matched()).isEqualTo(REQUESTS);
      assertThat(pool.inFlight()).as("orphans").isEqualTo(REQUESTS);

      LongSummaryStatistics stats = elapsed.stream().mapToLong(n -> n / 1_000).summaryStatistics();
      System.out.printf("C15: %d timeouts of %d ms fired after %.1f to %.1f ms (mean %.1f)%n", REQUESTS,
          TIMEOUT.toMillis(), stats.getMin() / 1000.0, stats.getMax() / 1000.0, stats.getAverage() / 1000.0);
      assertThat(elapsed).allSatisfy(nanos -> assertThat(Duration.ofNanos(nanos))
          .isBetween(TIMEOUT.minus(PRECISION), TIMEOUT.plus(PRECISION)));

      // The late responses arrive and free their ids, with no "response that has no request".
      awaitWithin(TIMEOUT.multipliedBy(2).plusSeconds(2), () -> slow.responsesHandled() == REQUESTS,
          "the proxy delivered every late response");
      awaitWithin(Duration.ofSeconds(2), () -> pool.inFlight() == 0, "every orphan's id is free");
      assertThat(logs.lines()).noneMatch(line -> line.contains("has no request"));

      // Same connection, healthy: the next request is answered at once.
      long start = System.nanoTime();
      assertThat(session.execute(QUERY).one().getString(0)).isNotBlank();
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(TIMEOUT);
      assertThat(pool.openCount()).isEqualTo(1);
      assertThat(proxy.acceptedConnections()).isEqualTo(1);
    }
  }
}
