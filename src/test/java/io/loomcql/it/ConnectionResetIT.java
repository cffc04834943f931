package io.loomcql.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.loomcql.Cluster;
import io.loomcql.ResponseFuture;
import io.loomcql.ResultSet;
import io.loomcql.Session;
import io.loomcql.SimpleStatement;
import io.loomcql.error.ConnectionException;
import io.loomcql.internal.connection.RequestNotSentException;
import io.loomcql.internal.protocol.Opcodes;
import io.loomcql.testkit.CassandraExtension;
import io.loomcql.testkit.FaultProxy;
import io.loomcql.testkit.ProxiedHosts;
import io.loomcql.testkit.ProxyLink;
import io.loomcql.testkit.ProxyRule;
import io.loomcql.testkit.TestKeyspaces;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Plan C12: a connection reset in the middle of a response, with several requests in flight on
 * it. The real node is seen as two hosts, A and B, each behind a {@link FaultProxy}; every
 * statement tries A, then B.
 */
@ExtendWith(CassandraExtension.class)
class ConnectionResetIT {
  private static final String KEYSPACE = "it_connection_reset";
  private static final Duration DETECTION_BOUND = Duration.ofMillis(100);

  private static ProxiedHosts hosts;
  private static Cluster direct; // to check the node's data without any proxy
  private static Session check;

  @BeforeAll
  static void start(InetSocketAddress node) throws Exception {
    direct = Cluster.builder().addContactPoints(node).build();
    check = direct.connect();
    TestKeyspaces.recreate(check, KEYSPACE);
    check.execute("CREATE TABLE " + KEYSPACE + ".kv (k int PRIMARY KEY, v text)");
    check.execute("CREATE TABLE " + KEYSPACE + ".hits (k int PRIMARY KEY, n counter)");
    for (int k = 0; k < 3; k++) {
      check.execute("INSERT INTO " + KEYSPACE + ".kv (k, v) VALUES (?, ?)", k, "v" + k);
    }
    hosts = ProxiedHosts.start(node, 2, (statement, proxies) -> proxies, builder -> builder);
  }

  @AfterAll
  static void stop() {
    if (hosts != null) {
      hosts.close();
    }
    if (direct != null) {
      direct.close();
    }
  }

  /** One request and what became of it, counted each time it completes. */
  private record Outcome(int key, boolean idempotent, ResponseFuture future, AtomicInteger completions,
      AtomicLong completedNanos) {}

  @Test
  void should_fail_every_request_in_flight_at_once_and_retry_only_the_idempotent_ones_when_reset_mid_response()
      throws Exception {
    FaultProxy a = hosts.proxy(0);
    FaultProxy b = hosts.proxy(1);
    Session session = hosts.session();
    assertThat(session.execute("SELECT v FROM " + KEYSPACE + ".kv WHERE k = 0").executionInfo().coordinator())
        .isEqualTo(hosts.host(0));
    assertThat(a.connections()).as("A carries only the pool's connection").hasSize(1);
    ProxyLink link = a.connections().getFirst();
    int queriesOnA = a.requests(Opcodes.QUERY);
    ProxyRule retries = b.onRequests(Opcodes.QUERY, 100, ProxyRule.Reaction.observe());

    // Hold the node's answers so that all six requests are in flight on A's one connection.
    link.downstream().stall();
    List<Outcome> outcomes = new ArrayList<>();
    for (int k = 0; k < 3; k++) {
      outcomes.add(submit(session, k, true,
          SimpleStatement.newInstance("SELECT v FROM " + KEYSPACE + ".kv WHERE k = ?", k).setIdempotent(true)));
      outcomes.add(submit(session, k, false,
          SimpleStatement.newInstance("UPDATE " + KEYSPACE + ".hits SET n = n + 1 WHERE k = ?", k)
              .setIdempotent(false)));
    }
    await(() -> a.requests(Opcodes.QUERY) - queriesOnA == 6, "six requests reach the node through A");
    // The counter updates ran on the node; only their answers are held.
    await(() -> hits(0) == 1 && hits(1) == 1 && hits(2) == 1, "the node applied the three updates");
    assertThat(outcomes).noneMatch(outcome -> outcome.future().isDone());

    // The first response is cut after 11 bytes, then RST: its 9-byte header and 2 bytes of its
    // body (an UPDATE's void result is 13 bytes long, a SELECT's rows far more).
    link.downstream().resetAfter(11);
    link.downstream().resume();
    for (Outcome outcome : outcomes) {
      outcome.future().handle((rs, error) -> null).get(10, TimeUnit.SECONDS);
    }
    long reset = link.resetNanos();
    assertThat(reset).as("the proxy reset A's connection").isPositive();
    Thread.sleep(200); // a second completion, if any, would show up now

    List<Long> failedAfter = new ArrayList<>();
    for (Outcome outcome : outcomes) {
      assertThat(outcome.completions().get()).as("completions of request %s", outcome).isEqualTo(1);
      if (outcome.idempotent()) {
        ResultSet rows = outcome.future().get();
        assertThat(rows.one().getString("v")).isEqualTo("v" + outcome.key());
        assertThat(rows.executionInfo().triedHosts()).containsExactly(hosts.host(0), hosts.host(1));
        assertThat(rows.executionInfo().coordinator()).isEqualTo(hosts.host(1));
      } else {
        assertThat(outcome.future()).isCompletedExceptionally();
        Throwable error = cause(outcome.future());
        // The connection error itself, saying why the statement was not sent again: it may have run on A.
        assertThat(error).isInstanceOf(ConnectionException.class).isNotInstanceOf(RequestNotSentException.class)
            .hasMessageContaining("not idempotent");
        assertThat(((ConnectionException) error).address()).isEqualTo(hosts.host(0).address());
        failedAfter.add(outcome.completedNanos().get() - reset);
      }
    }
    // The three idempotent requests failed on A at the reset and were sent again through B.
    assertThat(retries.matched()).isEqualTo(3);
    List<Long> retriedAfter = retries.matchedNanos().stream().map(at -> at - reset).toList();
    System.out.printf("C12: non-idempotent failures %s ms, idempotent retries at B %s ms after the reset%n",
        millis(failedAfter), millis(retriedAfter));
    assertThat(failedAfter).allSatisfy(nanos -> assertThat(nanos).isBetween(0L, DETECTION_BOUND.toNanos()));
    assertThat(retriedAfter).allSatisfy(nanos -> assertThat(nanos).isBetween(0L, DETECTION_BOUND.toNanos()));

    // Never retried: each update ran once on the node, and nothing else went to A or B.
    assertThat(List.of(hits(0), hits(1), hits(2))).containsExactly(1L, 1L, 1L);
    assertThat(a.requests(Opcodes.QUERY) - queriesOnA).isEqualTo(6);
    assertThat(retries.seen()).isEqualTo(3);

    // A's pool replaces the connection, and A serves requests again.
    hosts.awaitPools(Duration.ofSeconds(10));
    assertThat(session.execute("SELECT v FROM " + KEYSPACE + ".kv WHERE k = 1").executionInfo().coordinator())
        .isEqualTo(hosts.host(0));
  }

  private static Outcome submit(Session session, int key, boolean idempotent, SimpleStatement statement) {
    ResponseFuture future = session.executeAsync(statement);
    AtomicInteger completions = new AtomicInteger();
    AtomicLong completedNanos = new AtomicLong();
    future.whenComplete((rs, error) -> {
      completedNanos.compareAndSet(0, System.nanoTime());
      completions.incrementAndGet();
    });
    return new Outcome(key, idempotent, future, completions, completedNanos);
  }

  private static long hits(int key) {
    var row = check.execute("SELECT n FROM " + KEYSPACE + ".hits WHERE k = ?", key).one();
    return row == null ? 0 : row.getLong("n");
  }

  private static Throwable cause(ResponseFuture future) {
    try {
      future.get();
      throw new AssertionError("completed normally");
    } catch (java.util.concurrent.ExecutionException e) {
      return e.getCause();
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  private static List<Double> millis(List<Long> nanos) {
    return nanos.stream().map(n -> Math.round(n / 100_000.0) / 10.0).toList();
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      Thread.sleep(10);
    }
  }
}
