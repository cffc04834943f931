package io.loomcql.examples;

import io.loomcql.Cluster;
import io.loomcql.PreparedStatement;
import io.loomcql.ResponseFuture;
import io.loomcql.ResultSet;
import io.loomcql.Session;
import io.loomcql.error.SyntaxError;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@code executeAsync} and {@code CompletableFuture} composition: the Python driver's
 * {@code add_callback} is {@code thenAccept}, {@code add_errback} is {@code exceptionally}, and
 * {@code add_callbacks} is {@code whenComplete} (or {@code handle}).
 *
 * <p>On virtual threads the blocking {@code execute} is usually the simpler choice; use the async
 * form where an API already speaks {@code CompletableFuture}, or to start work and collect it later.
 * Callbacks run on the virtual thread that completed the request: keep them short, or hand long
 * work to an executor of your own ({@code thenAcceptAsync(action, executor)}).
 */
public final class AsyncCallbacksExample {
  static final String KEYSPACE = "examples_async";

  /**
   * What the example observed.
   *
   * @param inserted rows written by the parallel inserts
   * @param counted the count read back, through a composed chain
   * @param recovered the fallback value {@code exceptionally} turned the syntax error into
   * @param events what the callbacks recorded, in the order they ran
   */
  public record Outcome(int inserted, long counted, long recovered, List<String> events) {}

  private AsyncCallbacksExample() {}

  public static void main(String[] args) {
    System.out.println(run(ExampleContactPoint.from(args)));
  }

  public static Outcome run(InetSocketAddress contactPoint) {
    List<String> events = new CopyOnWriteArrayList<>(); // callbacks run on other threads
    try (Cluster cluster = Cluster.builder().addContactPoints(contactPoint).build();
        Session session = cluster.connect()) {
      session.execute("CREATE KEYSPACE IF NOT EXISTS " + KEYSPACE
          + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
      try {
        session.setKeyspace(KEYSPACE);
        session.execute("CREATE TABLE IF NOT EXISTS events (day text, seq int, what text, PRIMARY KEY (day, seq))");
        PreparedStatement insert = session.prepare("INSERT INTO events (day, seq, what) VALUES (?, ?, ?)");

        // Fire 20 inserts without waiting for each; each runs on its own virtual thread.
        List<CompletableFuture<ResultSet>> inserts = new ArrayList<>();
        for (int seq = 0; seq < 20; seq++) {
          inserts.add(session.executeAsync(insert.bind("2026-11-25", seq, "event " + seq)));
        }
        // allOf completes when every insert did; join() rethrows the first failure, wrapped.
        CompletableFuture.allOf(inserts.toArray(CompletableFuture[]::new)).join();
        events.add("inserted " + inserts.size());

        // add_callback: thenAccept gets the ResultSet. thenCompose chains a second request that
        // starts only when the first one answered; thenApply maps the result.
        ResponseFuture first = session.executeAsync("SELECT seq FROM events WHERE day = ? LIMIT 1", "2026-11-25");
        CompletableFuture<Long> count = first
            .thenAccept(rs -> events.add("first seq " + rs.one().getInt("seq")))
            .thenCompose(ignored -> session.executeAsync("SELECT count(*) FROM events WHERE day = ?", "2026-11-25"))
            .thenApply(rs -> rs.one().getLong(0));

        // add_errback: exceptionally turns a failure into a fallback value. The failure arrives
        // wrapped in a CompletionException when an earlier stage of the chain failed; unwrap it.
        CompletableFuture<Long> recovered = session.executeAsync("SELEC count(*) FROM events") // a typo
            .thenApply(rs -> rs.one().getLong(0))
            .exceptionally(error -> {
              Throwable cause = error instanceof CompletionException ? error.getCause() : error;
              events.add("recovered from " + cause.getClass().getSimpleName());
              return cause instanceof SyntaxError ? -1L : -2L;
            });

        // add_callbacks: whenComplete sees the result or the error, and passes both on unchanged.
        CompletableFuture<Long> observed = count.whenComplete((value, error) ->
            events.add(error == null ? "count " + value : "count failed: " + error));

        // ResponseFuture.result() blocks like execute() and throws the driver's own exception,
        // not an ExecutionException: the reference driver's ResponseFuture.result().
        int rowsOfFirst = first.result().currentPageSize();
        events.add("first page had " + rowsOfFirst + " row");

        return new Outcome(inserts.size(), observed.join(), recovered.join(), List.copyOf(events));
      } finally {
        session.execute("DROP KEYSPACE IF EXISTS " + KEYSPACE);
      }
    }
  }
}
