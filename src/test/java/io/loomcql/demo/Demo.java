package io.loomcql.demo;

import io.loomcql.Cluster;
import io.loomcql.ResultSet;
import io.loomcql.Row;
import io.loomcql.Session;
import io.loomcql.SimpleStatement;
import io.loomcql.metadata.Host;
import io.loomcql.testkit.LocalCassandra;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The README's demo: connects to 127.0.0.1:9042 (starting a local Cassandra first if nothing
 * answers there), then creates a keyspace and a table, writes, reads, runs an async query and
 * pages through a partition, printing what each step did and how long it took.
 */
public final class Demo {
  private static final int ROWS = 1_000;

  private Demo() {}

  public static void main(String[] args) throws Exception {
    InetSocketAddress contactPoint = new InetSocketAddress("127.0.0.1", 9042);
    long start = System.nanoTime();
    try (LocalCassandra node = timed("Cassandra ready", () -> LocalCassandra.startIfAbsent(contactPoint))) {
      System.out.println(node.startedHere()
          ? "  (started a local Cassandra 5.0 node; it stops when the demo ends)"
          : "  (using the node already listening at " + contactPoint + ")");
      run(node.contactPoint());
    }
    System.out.printf("Demo done in %.2f s%n", (System.nanoTime() - start) / 1e9);
  }

  private static void run(InetSocketAddress contactPoint) throws Exception {
    try (Cluster cluster = Cluster.builder().addContactPoints(contactPoint).build();
        Session session = timed("connect", cluster::connect)) {
      Host host = session.hosts().iterator().next();
      System.out.println("  connected to " + host + ", Cassandra " + host.releaseVersion()
          + ", protocol " + cluster.protocolVersion());

      timed("create keyspace loomcql_demo", () -> session.execute(
          "CREATE KEYSPACE IF NOT EXISTS loomcql_demo"
              + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}"));
      session.setKeyspace("loomcql_demo");
      timed("create table users", () -> session.execute(
          "CREATE TABLE IF NOT EXISTS users (team text, id uuid, name text, age int, joined timestamp,"
              + " PRIMARY KEY (team, id))"));
      session.execute("TRUNCATE users");

      timed("insert " + ROWS + " rows from " + ROWS + " virtual threads", () -> {
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
          List<Future<ResultSet>> inserts = new ArrayList<>();
          for (int i = 0; i < ROWS; i++) {
            int n = i;
            inserts.add(threads.submit(() -> session.execute(
                "INSERT INTO users (team, id, name, age, joined) VALUES (?, ?, ?, ?, ?)",
                "team-" + (n % 4), UUID.randomUUID(), "user-" + n, 20 + n % 50, Instant.now())));
          }
          for (Future<ResultSet> insert : inserts) {
            insert.get();
          }
        }
        return null;
      });

      ResultSet one = timed("select one partition (page size 5000)",
          () -> session.execute("SELECT name, age FROM users WHERE team = ?", "team-1"));
      Row first = one.one();
      System.out.println("  " + one.currentPageSize() + " rows; first: " + first.getString("name") + ", age "
          + first.getInt("age"));

      CompletableFuture<Long> count = session.executeAsync("SELECT count(*) FROM users WHERE team = ?", "team-2")
          .thenApply(rs -> rs.one().getLong(0));
      System.out.println("  async count submitted; the caller is free meanwhile");
      long rows = timed("async count(*) completes", count::join);
      System.out.println("  team-2 has " + rows + " rows");

      int[] pages = {0};
      long paged = timed("iterate team-3 with page size 50", () -> {
        ResultSet rs = session.execute(
            SimpleStatement.newInstance("SELECT id FROM users WHERE team = ?", "team-3").setPageSize(50));
        long seen = 0;
        ResultSet page = rs;
        pages[0] = 1;
        while (true) {
          seen += page.currentPageSize();
          if (!page.hasMorePages()) {
            break;
          }
          page = page.fetchNextPage();
          pages[0]++;
        }
        return seen;
      });
      System.out.println("  " + paged + " rows in " + pages[0] + " pages");

      try {
        session.execute("SELEC oops");
      } catch (io.loomcql.error.SyntaxError e) {
        System.out.println("  a typo surfaces as " + e.getClass().getSimpleName() + ": " + e.serverMessage());
      }
    }
  }

  private static <T> T timed(String step, Callable<T> action) throws Exception {
    long start = System.nanoTime();
    T result = action.call();
    System.out.printf("%-45s %8.1f ms%n", step, (System.nanoTime() - start) / 1e6);
    return result;
  }
}
