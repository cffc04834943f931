package io.loomcql.it.cluster;

import io.loomcql.BoundStatement;
import io.loomcql.Cluster;
import io.loomcql.ConsistencyLevel;
import io.loomcql.PreparedStatement;
import io.loomcql.ResultSet;
import io.loomcql.Session;
import io.loomcql.SimpleStatement;
import io.loomcql.metadata.Host;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A steady load of idempotent reads at CL ONE for the node-failure tests: {@code rate} requests
 * per second, started in batches every 10 ms, each on its own virtual thread through
 * {@code executeAsync}, with every outcome kept. Runs until {@link #close()}.
 */
final class ReadLoad implements AutoCloseable {
  /** One request as the load saw it; {@code coordinator} is null when it failed. */
  record Outcome(long startNanos, long endNanos, InetSocketAddress coordinator, Throwable error) {}

  private final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
  private volatile boolean running = true;
  private final Thread generator;

  /** Starts reading keys 0 to keys - 1 of {@code select} (one bind variable) round robin. */
  ReadLoad(Session session, PreparedStatement select, int keys, int rate) {
    generator = Thread.ofVirtual().name("read-load").start(() -> generate(session, select, keys, rate));
  }

  /** Every outcome so far. */
  List<Outcome> outcomes() {
    return List.copyOf(outcomes);
  }

  /** Whether some request started after {@code nanos} succeeded on {@code node}. */
  boolean servedBy(InetSocketAddress node, long nanos) {
    return outcomes.stream().anyMatch(o -> o.startNanos() > nanos && node.equals(o.coordinator()));
  }

  /** The start of the first request after {@code nanos} that {@code node} answered. */
  long firstServedBy(InetSocketAddress node, long nanos) {
    return outcomes.stream().filter(o -> o.startNanos() > nanos && node.equals(o.coordinator()))
        .mapToLong(Outcome::startNanos).min().orElseThrow();
  }

  /** The 99th percentile latency of the successful requests started in [from, to), in µs; -1 if none. */
  long p99Micros(long from, long to) {
    long[] latencies = outcomes.stream()
        .filter(o -> o.error() == null && o.startNanos() >= from && o.startNanos() < to)
        .mapToLong(o -> (o.endNanos() - o.startNanos()) / 1_000).sorted().toArray();
    return latencies.length == 0 ? -1 : latencies[(int) Math.ceil(latencies.length * 0.99) - 1];
  }

  /** Stops starting requests (those in flight go on). */
  @Override
  public void close() throws InterruptedException {
    running = false;
    generator.join();
  }

  private void generate(Session session, PreparedStatement select, int keys, int rate) {
    int perTick = rate / 100;
    long next = System.nanoTime();
    int key = 0;
    while (running) {
      for (int i = 0; i < perTick; i++) {
        BoundStatement read = select.bind(key++ % keys).setIdempotent(true).setConsistencyLevel(ConsistencyLevel.ONE);
        long start = System.nanoTime();
        session.executeAsync(read).whenComplete((ResultSet rs, Throwable error) -> outcomes.add(new Outcome(
            start, System.nanoTime(), rs == null ? null : rs.executionInfo().coordinator().address(), error)));
      }
      next += 10_000_000;
      long sleep = next - System.nanoTime();
      if (sleep > 0) {
        try {
          Thread.sleep(Duration.ofNanos(sleep));
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }

  /**
   * A fresh keyspace at replication factor 3 with {@code keys} rows (k int, v text) written at ALL,
   * so every node holds every key; returns the statement that reads one.
   */
  static PreparedStatement replicatedKeys(Session session, String keyspace, int keys) {
    ddl(session, "DROP KEYSPACE IF EXISTS " + keyspace);
    ddl(session, "CREATE KEYSPACE " + keyspace
        + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 3}");
    ddl(session, "CREATE TABLE " + keyspace + ".kv (k int PRIMARY KEY, v text)");
    PreparedStatement insert = session.prepare("INSERT INTO " + keyspace + ".kv (k, v) VALUES (?, ?)");
    for (int k = 0; k < keys; k++) {
      session.execute(insert.bind(k, "v" + k).setConsistencyLevel(ConsistencyLevel.ALL));
    }
    return session.prepare("SELECT v FROM " + keyspace + ".kv WHERE k = ?");
  }

  /** The cluster's view of the node at {@code address}. */
  static Host host(Cluster cluster, InetSocketAddress address) {
    return cluster.metadata().allHosts().stream().filter(h -> h.address().equals(address)).findFirst().orElseThrow();
  }

  /** Schema changes get far more than the reads' timeout: on a busy 2-core machine they can take seconds. */
  static void ddl(Session session, String cql) {
    session.execute(SimpleStatement.newInstance(cql).setTimeout(Duration.ofSeconds(30)));
  }
}
