package io.loomcql.testkit;

import io.loomcql.Cluster;
import io.loomcql.PreparedStatement;
import io.loomcql.Session;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * Child JVM of the one-carrier tests: run with {@code -Djdk.virtualThreadScheduler.parallelism=1},
 * it makes {@value #CALLERS} virtual threads each do a blocking {@code execute} and check the
 * answer is its own, prints one summary line and exits 0; else prints the first failures and
 * exits 1; exits 2 if the callers are not done within the deadline (system property
 * {@value #DEADLINE_PROPERTY}, default 100 s), for example because a pinned thread holds the only carrier.
 *
 * <p>{@code fake}: against a {@link FakeNode} in this JVM (on the same single carrier), each
 * caller's query text echoed back. {@code node <host> <port> [requestTimeoutSeconds]}: against a
 * real node, each caller inserts its own row with a prepared statement and reads it back.
 */
public final class OneCarrierMain {
  public static final int CALLERS = 10_000;
  public static final String DEADLINE_PROPERTY = "loomcql.oneCarrier.deadlineSeconds";
  private static final String KEYSPACE = "it_one_carrier";

  private static final Set<String> carriers = ConcurrentHashMap.newKeySet();

  private OneCarrierMain() {}

  public static void main(String[] args) throws Exception {
    Thread watchdog = new Thread(OneCarrierMain::haltAtDeadline, "one-carrier-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
    int failures = args[0].equals("fake") ? againstFakeNode() : againstNode(args);
    System.exit(failures == 0 ? 0 : 1);
  }

  private static int againstFakeNode() throws Exception {
    try (FakeNode node = new FakeNode();
        Cluster cluster = Cluster.builder().addContactPoints(node.address()).build();
        Session session = cluster.connect()) {
      return run("fake node", i -> {
        String cql = "caller " + i;
        return new Call(cql, () -> session.execute(cql).one().getString(0));
      });
    }
  }

  private static int againstNode(String[] args) throws Exception {
    InetSocketAddress contactPoint = new InetSocketAddress(args[1], Integer.parseInt(args[2]));
    Duration timeout = Duration.ofSeconds(args.length > 3 ? Integer.parseInt(args[3]) : 10);
    try (Cluster cluster = Cluster.builder().addContactPoints(contactPoint).withRequestTimeout(timeout).build();
        Session session = cluster.connect()) {
      session.execute("DROP KEYSPACE IF EXISTS " + KEYSPACE);
      session.execute(
          "CREATE KEYSPACE " + KEYSPACE + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
      session.execute("CREATE TABLE " + KEYSPACE + ".kv (k int PRIMARY KEY, v text)");
      String release = session.execute("SELECT release_version FROM system.local").one().getString(0);
      System.out.println("release_version " + release);
      PreparedStatement insert = session.prepare("INSERT INTO " + KEYSPACE + ".kv (k, v) VALUES (?, ?)");
      PreparedStatement select = session.prepare("SELECT v FROM " + KEYSPACE + ".kv WHERE k = ?");
      return run("node " + contactPoint + " (request timeout " + timeout.toSeconds() + " s)", i -> {
        String value = "value-" + i;
        return new Call(value, () -> {
          session.execute(insert.bind(i, value));
          return session.execute(select.bind(i)).one().getString(0);
        });
      });
    }
  }

  /** What one caller expects back and how it asks. */
  private record Call(String expected, Callable<String> ask) {}

  private static int run(String target, IntFunction<Call> calls) throws Exception {
    long start = System.nanoTime();
    List<Call> asked = new ArrayList<>(CALLERS);
    List<Future<String>> answers = new ArrayList<>(CALLERS);
    try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < CALLERS; i++) {
        Call call = calls.apply(i);
        asked.add(call);
        answers.add(callers.submit(() -> {
          carriers.add(carrierOf(Thread.currentThread()));
          return call.ask().call();
        }));
      }
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    int failures = 0;
    for (int i = 0; i < CALLERS; i++) {
      String problem = problem(asked.get(i).expected(), answers.get(i));
      if (problem != null && ++failures <= 10) {
        System.out.println("caller " + i + ": " + problem);
      }
    }
    System.out.printf("one-carrier %s: %d of %d callers answered correctly in %d ms on %d carrier(s) %s,"
            + " parallelism=%s, maxPoolSize=%s%n",
        target, CALLERS - failures, CALLERS, millis, carriers.size(), carriers,
        System.getProperty("jdk.virtualThreadScheduler.parallelism"),
        System.getProperty("jdk.virtualThreadScheduler.maxPoolSize"));
    return failures;
  }

  private static String problem(String expected, Future<String> answer) {
    try {
      String actual = answer.resultNow();
      return expected.equals(actual) ? null : "expected '" + expected + "' but got '" + actual + "'";
    } catch (IllegalStateException failed) {
      return String.valueOf(answer.exceptionNow());
    }
  }

  /** The carrier in a virtual thread's name, e.g. "ForkJoinPool-1-worker-1". */
  private static String carrierOf(Thread thread) {
    String text = thread.toString();
    int at = text.lastIndexOf('@');
    return at < 0 ? "?" : text.substring(at + 1);
  }

  private static void haltAtDeadline() {
    long seconds = Long.getLong(DEADLINE_PROPERTY, 100);
    try {
      Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
      System.out.println("one-carrier: callers not done after " + seconds + " s (a pinned carrier?)");
      System.out.flush();
      Runtime.getRuntime().halt(2);
    } catch (InterruptedException ignored) {
      // main exited first
    }
  }
}
