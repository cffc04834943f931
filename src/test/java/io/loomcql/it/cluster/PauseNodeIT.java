package io.loomcql.it.cluster;

import static io.loomcql.it.cluster.ReadLoad.ddl;
import static io.loomcql.it.cluster.ReadLoad.host;
import static io.loomcql.it.cluster.ReadLoad.replicatedKeys;
import static io.loomcql.testkit.Await.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.loomcql.Cluster;
import io.loomcql.ConsistencyLevel;
import io.loomcql.PreparedStatement;
import io.loomcql.Session;
import io.loomcql.SocketOptions;
import io.loomcql.metadata.Host;
import io.loomcql.policy.ConstantReconnectionPolicy;
import io.loomcql.testkit.CassandraExtension;
import io.loomcql.it.cluster.ReadLoad.Outcome;
import io.loomcql.testkit.LocalCluster;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Test F32's pause of the reliability plan on the real 3-node cluster: idempotent reads at RF 3
 * and CL ONE while node 1 is frozen with SIGSTOP for 10 s and then let go with SIGCONT. A frozen
 * node keeps its sockets open and answers nothing, so only the heartbeat (1 s + 1 s here) can
 * tell. Pass: no request fails that started before the pause window (the request timeout before
 * SIGSTOP) or after SIGCONT; the other nodes serve meanwhile; the node is marked down while frozen
 * and gets traffic again after.
 */
@ExtendWith(CassandraExtension.class)
class PauseNodeIT {
  private static final Logger LOG = LoggerFactory.getLogger(PauseNodeIT.class);
  private static final int RATE = 1_000;
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);
  private static final Duration HEARTBEAT = Duration.ofSeconds(1);
  private static final Duration PAUSE = Duration.ofSeconds(10);

  @Test
  void should_fail_no_request_outside_the_pause_window_when_a_node_is_frozen_for_ten_seconds(LocalCluster nodes)
      throws Exception {
    try (Cluster cluster = Cluster.builder()
            .addContactPoints(nodes.contactPoint(2))
            .withRequestTimeout(REQUEST_TIMEOUT)
            .withIdleHeartbeatInterval(HEARTBEAT)
            .withIdleHeartbeatTimeout(HEARTBEAT)
            .withSocketOptions(SocketOptions.DEFAULT.withConnectTimeout(Duration.ofSeconds(1)))
            .withReconnectionPolicy(new ConstantReconnectionPolicy(Duration.ofMillis(500)))
            .build();
        Session session = cluster.connect()) {
      PreparedStatement select = replicatedKeys(session, "it_pause", 100);
      Host first = host(cluster, nodes.contactPoint(1));

      ReadLoad load = new ReadLoad(session, select, 100, RATE);
      boolean paused = false;
      try {
        Thread.sleep(2_000); // baseline
        long pausedAt = System.nanoTime();
        nodes.pause(1);
        paused = true;
        waitUntil(() -> !first.isUp(), Duration.ofSeconds(15));
        long down = System.nanoTime();
        Thread.sleep(Math.max(0, PAUSE.toMillis() - TimeUnit.NANOSECONDS.toMillis(down - pausedAt)));
        long resumedAt = System.nanoTime();
        nodes.resume(1);
        paused = false;
        waitUntil(() -> load.servedBy(first.address(), resumedAt), Duration.ofSeconds(20));
        long trafficBack = load.firstServedBy(first.address(), resumedAt);
        Thread.sleep(2_000); // load with the node back
        load.close();
        Thread.sleep(REQUEST_TIMEOUT.toMillis() + 500); // let the last requests end

        List<Outcome> all = load.outcomes();
        long windowStart = pausedAt - REQUEST_TIMEOUT.toNanos();
        List<Outcome> failed = all.stream().filter(o -> o.error() != null).toList();
        List<Outcome> failedOutside = failed.stream()
            .filter(o -> o.startNanos() < windowStart || o.startNanos() > resumedAt).toList();
        LOG.info("{} requests; {} failed, {} outside the pause window; node 1 down {} ms after SIGSTOP;"
                + " traffic to it {} ms after SIGCONT", all.size(), failed.size(), failedOutside.size(),
            TimeUnit.NANOSECONDS.toMillis(down - pausedAt), TimeUnit.NANOSECONDS.toMillis(trafficBack - resumedAt));
        failedOutside.stream().limit(5).forEach(o -> LOG.info("failure outside the window: {}", o.error().toString()));

        assertThat(all.size()).as("the load ran").isGreaterThan(RATE * 10);
        assertThat(failedOutside).as("failures outside the pause window").isEmpty();
        // The heartbeat closes the frozen node's connections after at most 2 intervals + its
        // timeout; the node is DOWN once the pool's reconnection, which the frozen node's kernel
        // accepts, gets no answer to its handshake within the request timeout (as in BlackholeIT).
        assertThat(Duration.ofNanos(down - pausedAt)).as("marked down within 3 heartbeats + the handshake timeout + 1 s")
            .isLessThan(HEARTBEAT.multipliedBy(3).plus(REQUEST_TIMEOUT).plusSeconds(1));
        assertThat(all.stream().filter(o -> o.error() == null && o.startNanos() > down && o.startNanos() < resumedAt)
            .map(Outcome::coordinator).distinct().toList())
            .as("the other two nodes served while node 1 was frozen")
            .containsExactlyInAnyOrder(nodes.contactPoint(2), nodes.contactPoint(3));
      } finally {
        load.close();
        if (paused) {
          nodes.resume(1);
        }
        awaitWholeCluster(session, select);
        ddl(session, "DROP KEYSPACE IF EXISTS it_pause");
      }
    }
  }

  /** The later tests need all three nodes to see each other again: a CL ALL read must succeed. */
  private static void awaitWholeCluster(Session session, PreparedStatement select) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      try {
        session.execute(select.bind(1).setConsistencyLevel(ConsistencyLevel.ALL).setTimeout(Duration.ofSeconds(10)));
        return;
      } catch (RuntimeException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(500);
      }
    }
  }
}
