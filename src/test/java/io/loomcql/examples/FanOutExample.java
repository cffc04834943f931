package io.loomcql.examples;

import io.loomcql.Cluster;
import io.loomcql.PreparedStatement;
import io.loomcql.Session;
import io.loomcql.Statement;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Fan-out: one query per partition, all at once, each as plain blocking code on its own virtual
 * thread, then gathered in order. Virtual threads are cheap (a few hundred bytes each while
 * parked), so a thread per query is the natural unit; the driver multiplexes them all over a few
 * connections.
 *
 * <p>Structured concurrency ({@code StructuredTaskScope}) is the ideal shape for this, but it is
 * a preview API in Java 21, and this driver (and this example) must compile without
 * {@code --enable-preview}. An {@link ExecutorService} from
 * {@link Executors#newVirtualThreadPerTaskExecutor()} in try-with-resources gives the same
 * guarantee that matters most: {@code close()} waits for every task, so no query outlives the
 * block that started it.
 */
public final class FanOutExample {
  static final String KEYSPACE = "examples_fanout";
  public static final int USERS = 50;

  /**
   * What the example observed.
   *
   * @param ordersPerUser for each user id, in id order, how many orders the fan-out read
   * @param totalOrders their sum
   * @param viaExecuteConcurrent the same total through {@code Session.executeConcurrent}
   */
  public record Outcome(Map<Integer, Integer> ordersPerUser, int totalOrders, int viaExecuteConcurrent) {}

  private FanOutExample() {}

  public static void main(String[] args) throws InterruptedException {
    Outcome outcome = run(ExampleContactPoint.from(args));
    System.out.println(outcome.totalOrders() + " orders across " + outcome.ordersPerUser().size() + " users");
  }

  public static Outcome run(InetSocketAddress contactPoint) throws InterruptedException {
    try (Cluster cluster = Cluster.builder().addContactPoints(contactPoint).build();
        Session session = cluster.connect()) {
      session.execute("CREATE KEYSPACE IF NOT EXISTS " + KEYSPACE
          + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
      try {
        session.setKeyspace(KEYSPACE);
        session.execute("CREATE TABLE IF NOT EXISTS orders (user_id int, order_id int, total decimal,"
            + " PRIMARY KEY (user_id, order_id))");
        PreparedStatement insert = session.prepare("INSERT INTO orders (user_id, order_id, total) VALUES (?, ?, ?)");
        List<Statement<?>> inserts = new ArrayList<>();
        for (int user = 0; user < USERS; user++) {
          for (int order = 0; order <= user % 5; order++) { // user u has (u % 5) + 1 orders
            inserts.add(insert.bind(user, order, new BigDecimal("9.99")));
          }
        }
        session.executeConcurrent(inserts, 32);

        PreparedStatement ordersOf = session.prepare("SELECT order_id FROM orders WHERE user_id = ?");
        Map<Integer, Integer> perUser = new LinkedHashMap<>();
        // One virtual thread per query. close() (end of the try block) waits for all of them.
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
          List<Future<Integer>> counts = new ArrayList<>();
          for (int user = 0; user < USERS; user++) {
            int id = user;
            Callable<Integer> query = () -> session.execute(ordersOf.bind(id)).all().size(); // plain blocking code
            counts.add(threads.submit(query));
          }
          for (int user = 0; user < USERS; user++) {
            try {
              perUser.put(user, counts.get(user).get()); // in submission order, whatever finished first
            } catch (ExecutionException e) {
              // The first failure: cancel what has not finished, and report the driver's exception.
              counts.forEach(count -> count.cancel(true));
              throw e.getCause() instanceof RuntimeException driverError
                  ? driverError
                  : new IllegalStateException(e.getCause());
            }
          }
        }
        int total = perUser.values().stream().mapToInt(Integer::intValue).sum();

        // The driver's built-in form of the same thing, with a bound on requests in flight
        // (the Python driver's execute_concurrent): results in input order.
        List<Statement<?>> selects = new ArrayList<>();
        for (int user = 0; user < USERS; user++) {
          selects.add(ordersOf.bind(user));
        }
        int viaConcurrent = session.executeConcurrent(selects, 16).stream()
            .mapToInt(rs -> rs.currentPageSize())
            .sum();
        return new Outcome(perUser, total, viaConcurrent);
      } finally {
        session.execute("DROP KEYSPACE IF EXISTS " + KEYSPACE);
      }
    }
  }
}
