package io.loomcql;

import static io.loomcql.testkit.Await.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.loomcql.error.BusyPoolException;
import io.loomcql.error.OperationTimedOutException;
import io.loomcql.testkit.FakeNode;
import io.loomcql.testkit.PinningRecorder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Plan test B10: with 32 stream ids on one connection and a node that never answers, the 33rd
 * request waits for a free id and fails at its timeout with {@link BusyPoolException}, and no
 * platform thread blocks meanwhile: the callers park as virtual threads (not pinned to a carrier),
 * and a platform thread calling {@code executeAsync} gets its future back at once.
 */
class ExhaustionTest {
  private static final int STREAM_IDS = 32;
  private static final Duration TIMEOUT = Duration.ofSeconds(1);

  private static Cluster cluster(FakeNode node) throws Exception {
    node.behavior((query, request, peer) -> {}); // queries are never answered; the handshake is
    return Cluster.builder()
        .addContactPoints(node.address())
        .withMaxRequestsPerConnection(STREAM_IDS)
        .withConnectionsPerHost(1)
        .withRequestTimeout(TIMEOUT)
        .build();
  }

  @Test
  void should_park_the_33rd_virtual_caller_until_its_timeout_then_fail_with_busy_pool() throws Exception {
    try (PinningRecorder pins = PinningRecorder.start();
        FakeNode node = new FakeNode();
        Cluster cluster = cluster(node);
        Session session = cluster.connect()) {
      HostConnectionPool pool = session.pool(session.hosts().iterator().next());
      List<Caller> callers = new ArrayList<>();
      for (int i = 0; i < STREAM_IDS; i++) {
        callers.add(Caller.start(session, "never " + i));
      }
      waitUntil(() -> pool.inFlight() == STREAM_IDS);
      Caller last = Caller.start(session, "the 33rd");
      waitUntil(() -> stackMentions(last.thread, "PendingRequest.await"));
      Thread.sleep(200);

      for (Caller caller : callers) {
        assertParkedVirtual(caller.thread);
      }
      assertParkedVirtual(last.thread);
      assertThat(platformThreadsInDriverCode()).as("platform threads inside the driver").isEmpty();

      Throwable failure = last.outcome.get(TIMEOUT.toMillis() * 3, TimeUnit.MILLISECONDS);
      assertThat(failure).isInstanceOf(BusyPoolException.class);
      assertThat(last.elapsed()).as("the 33rd waited for its timeout, not longer")
          .isBetween(TIMEOUT.minusMillis(50), TIMEOUT.plusMillis(500));
      for (Caller caller : callers) {
        assertThat(caller.outcome.get(TIMEOUT.toMillis() * 3, TimeUnit.MILLISECONDS))
            .isInstanceOf(OperationTimedOutException.class);
      }
      assertThat(pool.openCount()).as("the connection survives the exhaustion").isEqualTo(1);
    } // PinningRecorder.close() fails if a caller pinned its carrier inside the driver
  }

  @Test
  void should_hand_a_platform_caller_its_future_at_once_when_every_stream_id_is_taken() throws Exception {
    assertThat(Thread.currentThread().isVirtual()).as("this test's caller is a platform thread").isFalse();
    try (FakeNode node = new FakeNode(); Cluster cluster = cluster(node); Session session = cluster.connect()) {
      List<CompletableFuture<ResultSet>> futures = new ArrayList<>();
      long start = System.nanoTime();
      for (int i = 0; i <= STREAM_IDS; i++) {
        futures.add(session.executeAsync("never " + i));
      }
      Duration submitting = Duration.ofNanos(System.nanoTime() - start);
      assertThat(submitting).as("33 executeAsync calls on a full connection").isLessThan(Duration.ofMillis(200));
      Thread.sleep(300);
      assertThat(futures).allSatisfy(future -> assertThat(future).isNotDone());
      assertThat(platformThreadsInDriverCode()).as("platform threads inside the driver").isEmpty();

      List<Class<?>> failures = new ArrayList<>();
      for (CompletableFuture<ResultSet> future : futures) {
        try {
          future.get(TIMEOUT.toMillis() * 3, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
          failures.add(e.getCause().getClass());
        }
      }
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(TIMEOUT.plusMillis(500));
      assertThat(failures).hasSize(STREAM_IDS + 1)
          .containsOnly(OperationTimedOutException.class, BusyPoolException.class)
          .filteredOn(BusyPoolException.class::equals).hasSize(1);
    }
  }

  /** A virtual thread running one synchronous execute; its outcome is the exception it threw. */
  private record Caller(Thread thread, CompletableFuture<Throwable> outcome, long startNanos, long[] endNanos) {
    static Caller start(Session session, String cql) {
      CompletableFuture<Throwable> outcome = new CompletableFuture<>();
      long[] end = new long[1];
      long start = System.nanoTime();
      Thread thread = Thread.ofVirtual().name("caller " + cql).start(() -> {
        try {
          session.execute(cql);
          outcome.complete(null);
        } catch (RuntimeException e) {
          end[0] = System.nanoTime();
          outcome.complete(e);
        }
      });
      return new Caller(thread, outcome, start, end);
    }

    Duration elapsed() {
      return Duration.ofNanos(endNanos[0] - startNanos);
    }
  }

  private static void assertParkedVirtual(Thread thread) {
    assertThat(thread.isVirtual()).as("%s is virtual", thread.getName()).isTrue();
    assertThat(thread.getState()).as("%s parks", thread.getName())
        .isIn(Thread.State.WAITING, Thread.State.TIMED_WAITING);
  }

  private static boolean stackMentions(Thread thread, String method) {
    return Arrays.stream(thread.getStackTrace())
        .anyMatch(frame -> (frame.getClassName() + "." + frame.getMethodName()).endsWith(method));
  }

  /** Platform threads (other than this one) with a driver frame on their stack: blocked in the driver. */
  private static List<String> platformThreadsInDriverCode() {
    List<String> found = new ArrayList<>();
    for (Map.Entry<Thread, StackTraceElement[]> entry : Thread.getAllStackTraces().entrySet()) {
      if (entry.getKey() == Thread.currentThread()) {
        continue;
      }
      for (StackTraceElement frame : entry.getValue()) {
        if (frame.getClassName().startsWith("io.loomcql.") && !frame.getClassName().startsWith("io.loomcql.testkit.")) {
          found.add(entry.getKey().getName() + " at " + frame);
          break;
        }
      }
    }
    return found;
  }
}
