package io.loomcql.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.loomcql.Cluster;
import io.loomcql.HostConnectionPool;
import io.loomcql.Session;
import io.loomcql.metadata.Host;
import io.loomcql.policy.ExponentialReconnectionPolicy;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Plan test C23's scenario: {@code sessions} clusters (one session each, {@code poolSize}
 * connections per node) on a fake three-node cluster that restarts. Every node closes its
 * listener and connections at once; while it is down an {@link AttemptCounter} on its port counts
 * and resets each connection attempt; after {@code downtime} a new {@link FakeNode} listens on the
 * same port again. Every attempt is timestamped on the node side.
 */
public final class ReconnectionStorm {
  /**
   * What the nodes saw.
   *
   * @param attempts per node, the time of every connection attempt (failed or not) after the
   *     restart began, in nanoseconds since then, sorted
   * @param downNanos how long the nodes were down
   * @param recovery from the nodes' return until every pool was full again
   * @param largestPool the most connections any session's pool held to one node afterwards
   * @param acceptedAfter connections the restarted nodes accepted, all sessions together
   * @param openAfter connections open to the restarted nodes once recovered
   */
  public record Result(
      int sessions, int poolSize, Duration baseDelay, List<List<Long>> attempts, long downNanos, Duration recovery,
      int largestPool, int acceptedAfter, int openAfter) {

    /** The most attempts one node saw within any window of {@code window}. */
    public int maxAttemptsPerNodeWithin(Duration window) {
      int max = 0;
      for (List<Long> times : attempts) {
        int start = 0;
        for (int end = 0; end < times.size(); end++) {
          while (times.get(end) - times.get(start) >= window.toNanos()) {
            start++;
          }
          max = Math.max(max, end - start + 1);
        }
      }
      return max;
    }

    /** Attempts on one node before it came back. */
    public int attemptsWhileDown(int node) {
      return (int) attempts.get(node).stream().filter(time -> time <= downNanos).count();
    }

    /**
     * The attempts of one node grouped into waves: a gap longer than half the base delay ends a
     * wave (the jitter of later waves adds up, but waves stay further apart than that). Only attempts while the node was down count (the return is no wave).
     */
    public List<List<Long>> waves(int node) {
      List<List<Long>> waves = new ArrayList<>();
      List<Long> current = new ArrayList<>();
      long gap = baseDelay.toNanos() / 2;
      for (long time : attempts.get(node)) {
        if (time > downNanos) {
          break;
        }
        if (!current.isEmpty() && time - current.get(current.size() - 1) > gap) {
          waves.add(current);
          current = new ArrayList<>();
        }
        current.add(time);
      }
      if (!current.isEmpty()) {
        waves.add(current);
      }
      return waves;
    }

    /**
     * What the plan asks of every storm: no attempt before the first (jittered) delay; at most
     * {@code sessions x poolSize / baseDelay} attempts per node within any second (a sliding
     * window); the first attempts of the
     * sessions spread over at least 10% of the base delay; no session with more than {@code poolSize}
     * connections to a node, and no extra connection opened on the way back.
     */
    public void assertGuarded() {
      String report = describe();
      Duration base = baseDelay;
      // Per wave each session tries a node twice (its pool once, its control connection once in its
      // round over every node): with a pool of 2 a whole wave within one second meets the bound.
      double perSecondBound = sessions * poolSize * (1e9 / base.toNanos());
      assertThat((double) maxAttemptsPerNodeWithin(Duration.ofSeconds(1)))
          .as("attempts per node within any second (at most sessions x poolSize / base delay); %s", report)
          .isLessThanOrEqualTo(perSecondBound);
      for (int node = 0; node < 3; node++) {
        List<Long> times = attempts.get(node);
        assertThat(times.get(0) / (double) base.toNanos())
            .as("no attempt on node %d before the first delay (0.85 base with jitter); %s", node, report)
            .isGreaterThanOrEqualTo(0.85);
        List<Long> firsts = times.subList(0, 2 * sessions); // each pool's and control connection's first attempt
        double spread = (firsts.get(firsts.size() - 1) - firsts.get(0)) / (double) base.toNanos();
        assertThat(spread).as("spread of the first attempts on node %d, in base delays; %s", node, report)
            .isGreaterThanOrEqualTo(0.10);
      }
      assertThat(largestPool).as("connections of one session to one node").isEqualTo(poolSize);
      int expected = sessions * (3 * poolSize + 1); // full pools plus one control connection per cluster
      assertThat(openAfter).isEqualTo(expected);
      assertThat(acceptedAfter).as("connections the restarted nodes accepted; %s", report).isEqualTo(expected);
    }

    public String describe() {
      StringBuilder text = new StringBuilder();
      text.append(sessions).append(" sessions, pool ").append(poolSize).append(", base ").append(baseDelay.toMillis())
          .append(" ms, down ").append(downNanos / 1_000_000).append(" ms, recovered in ").append(recovery.toMillis())
          .append(" ms; max attempts per node per base delay ").append(maxAttemptsPerNodeWithin(baseDelay))
          .append(", per second ").append(maxAttemptsPerNodeWithin(Duration.ofSeconds(1)))
          .append("; largest pool ").append(largestPool).append("; accepted after ").append(acceptedAfter)
          .append(", open after ").append(openAfter);
      for (int node = 0; node < attempts.size(); node++) {
        text.append(System.lineSeparator()).append("  node ").append(node).append(": ").append(attempts.get(node).size())
            .append(" attempts, ").append(attemptsWhileDown(node)).append(" while down; waves (count, first-last, median ms):");
        for (List<Long> wave : waves(node)) {
          text.append(" (").append(wave.size()).append(", ").append(wave.get(0) / 1_000_000).append('-')
              .append(wave.get(wave.size() - 1) / 1_000_000).append(", median ").append(wave.get(wave.size() / 2) / 1_000_000)
              .append(')');
        }
      }
      return text.toString();
    }
  }

  private ReconnectionStorm() {}

  public static Result run(int sessions, int poolSize, Duration base, Duration max, Duration downtime)
      throws Exception {
    List<FakeNode> nodes = new ArrayList<>(FakeNode.cluster(3)); // the live nodes, closed at the end
    List<Cluster> clusters = new ArrayList<>();
    List<Session> opened = new ArrayList<>();
    List<AttemptCounter> counters = new ArrayList<>();
    try {
      InetSocketAddress[] contacts = new InetSocketAddress[3];
      int[] ports = new int[3];
      for (int i = 0; i < 3; i++) {
        contacts[i] = nodes.get(i).address();
        ports[i] = contacts[i].getPort();
      }
      // A few at a time: a hundred control connections reading the system tables at once would
      // only measure how fast a fake node answers them.
      Semaphore building = new Semaphore(4);
      try (ExecutorService builders = Executors.newVirtualThreadPerTaskExecutor()) {
        List<Future<Session>> connecting = new ArrayList<>();
        for (int i = 0; i < sessions; i++) {
          Cluster cluster = Cluster.builder()
              .addContactPoints(contacts)
              .withConnectionsPerHost(poolSize)
              .withReconnectionPolicy(new ExponentialReconnectionPolicy(base, max))
              .build();
          clusters.add(cluster);
          connecting.add(builders.submit(() -> {
            building.acquire();
            try {
              return cluster.connect();
            } finally {
              building.release();
            }
          }));
        }
        for (Future<Session> session : connecting) {
          opened.add(session.get(60, TimeUnit.SECONDS));
        }
      }
      int expectedOpen = sessions * (3 * poolSize + 1); // every pool full, plus one control connection per cluster
      await(() -> poolsFull(opened, poolSize) && openConnections(nodes) == expectedOpen, Duration.ofSeconds(30));

      for (int port : ports) {
        counters.add(AttemptCounter.bind(port));
      }
      long start = System.nanoTime();
      for (FakeNode node : nodes) {
        node.close();
      }
      Thread.sleep(downtime);
      List<FakeNode> restarted = new ArrayList<>();
      for (int port : ports) {
        restarted.add(new FakeNode(port));
      }
      long back = System.nanoTime();
      for (AttemptCounter counter : counters) {
        counter.close();
      }
      for (FakeNode node : restarted) {
        node.peers(restarted.stream().filter(other -> other != node).toList());
      }
      nodes.clear();
      nodes.addAll(restarted);
      await(() -> poolsFull(opened, poolSize) && openConnections(restarted) == expectedOpen,
          max.multipliedBy(3).plusSeconds(30));
      Duration recovery = Duration.ofNanos(System.nanoTime() - back);

      List<List<Long>> attempts = new ArrayList<>();
      int accepted = 0;
      for (int i = 0; i < 3; i++) {
        List<Long> times = new ArrayList<>();
        counters.get(i).attempts().forEach(t -> times.add(t - start));
        restarted.get(i).acceptTimes().forEach(t -> times.add(t - start));
        times.sort(null);
        attempts.add(List.copyOf(times));
        accepted += restarted.get(i).acceptedConnections();
      }
      int largest = 0;
      for (Session session : opened) {
        for (Host host : session.hosts()) {
          largest = Math.max(largest, session.pool(host).openCount());
        }
      }
      return new Result(sessions, poolSize, base, List.copyOf(attempts), back - start, recovery, largest, accepted,
          openConnections(restarted));
    } finally {
      for (Cluster cluster : clusters) {
        cluster.close();
      }
      for (AttemptCounter counter : counters) {
        counter.close();
      }
      for (FakeNode node : nodes) {
        node.close();
      }
    }
  }

  private static boolean poolsFull(List<Session> sessions, int poolSize) {
    for (Session session : sessions) {
      for (Host host : session.hosts()) {
        HostConnectionPool pool = session.pool(host);
        if (pool == null || pool.openCount() != poolSize) {
          return false;
        }
      }
    }
    return true;
  }

  private static int openConnections(List<FakeNode> nodes) {
    return nodes.stream().mapToInt(FakeNode::openConnections).sum();
  }

  private static void await(BooleanSupplier condition, Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not reached within " + limit);
      }
      Thread.sleep(10);
    }
  }
}
