package io.loomcql.internal.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The id waits park without a timeout: a freed id, the sweeper's {@link StreamIds#wakeExpired} or
 * {@link StreamIds#close} must wake them, and no wake-up may get lost when several ids free at once.
 */
class StreamIdsTest {
  private static final long FAR = TimeUnit.SECONDS.toNanos(60);

  /** Starts a virtual thread that waits for an id until {@code deadlineNanos}. */
  private static CompletableFuture<Integer> waiter(StreamIds ids, long deadlineNanos) {
    CompletableFuture<Integer> result = new CompletableFuture<>();
    Thread.ofVirtual().start(() -> {
      try {
        result.complete(ids.acquire(deadlineNanos));
      } catch (Throwable e) {
        result.completeExceptionally(e);
      }
    });
    return result;
  }

  /** One stream id, taken. */
  private static StreamIds fullWithOneId() {
    StreamIds ids = new StreamIds(1);
    takeAll(ids);
    return ids;
  }

  /** A waiter with a far deadline, parked (most likely) by the time this returns. */
  private static CompletableFuture<Integer> parkedWaiter(StreamIds ids) throws InterruptedException {
    CompletableFuture<Integer> waiting = waiter(ids, System.nanoTime() + FAR);
    Thread.sleep(50);
    return waiting;
  }

  private static void takeAll(StreamIds ids) {
    for (int i = 0; i < ids.capacity(); i++) {
      assertThat(ids.acquireNow()).isNotNegative();
    }
    assertThat(ids.acquireNow()).isEqualTo(-1);
  }

  @Test
  void should_hand_a_freed_id_to_a_waiter() throws Exception {
    StreamIds ids = fullWithOneId();
    CompletableFuture<Integer> waiting = parkedWaiter(ids);
    assertThat(waiting).isNotDone();

    ids.release(0);

    assertThat(waiting.get(5, TimeUnit.SECONDS)).isZero();
    assertThat(ids.inUse()).isEqualTo(1);
  }

  @Test
  void should_wake_every_waiter_when_as_many_ids_free_at_once() throws Exception {
    int capacity = 8;
    for (int round = 0; round < 200; round++) {
      StreamIds ids = new StreamIds(capacity);
      takeAll(ids);
      List<CompletableFuture<Integer>> waiting = new ArrayList<>();
      for (int i = 0; i < capacity; i++) {
        waiting.add(waiter(ids, System.nanoTime() + FAR));
      }
      CountDownLatch go = new CountDownLatch(1);
      List<Thread> releasers = new ArrayList<>();
      for (int id = 0; id < capacity; id++) {
        int freed = id;
        releasers.add(Thread.ofVirtual().start(() -> {
          try {
            go.await();
          } catch (InterruptedException e) {
            return;
          }
          ids.release(freed);
        }));
      }
      go.countDown();
      for (Thread releaser : releasers) {
        releaser.join();
      }

      Set<Integer> got = new HashSet<>();
      for (CompletableFuture<Integer> future : waiting) {
        got.add(future.get(5, TimeUnit.SECONDS)); // a lost wake-up leaves one parked for a minute
      }
      assertThat(got).as("round %d", round).hasSize(capacity).allSatisfy(id -> assertThat(id).isBetween(0, capacity - 1));
    }
  }

  @Test
  void should_give_up_at_the_deadline_once_the_sweeper_wakes_the_waiter() throws Exception {
    StreamIds ids = new StreamIds(2);
    takeAll(ids);
    long start = System.nanoTime();
    CompletableFuture<Integer> waiting = waiter(ids, start + TimeUnit.MILLISECONDS.toNanos(100));
    Thread.sleep(200);
    assertThat(waiting).as("past its deadline but not woken: it parks without a timeout").isNotDone();

    ids.wakeExpired(System.nanoTime());

    assertThat(waiting.get(5, TimeUnit.SECONDS)).isEqualTo(-1);
    assertThat(ids.acquireNow()).as("giving up took no id").isEqualTo(-1);
  }

  @Test
  void should_leave_a_waiter_whose_deadline_is_ahead_parked_when_the_sweeper_ticks() throws Exception {
    StreamIds ids = fullWithOneId();
    CompletableFuture<Integer> waiting = parkedWaiter(ids);

    ids.wakeExpired(System.nanoTime());
    Thread.sleep(50);

    assertThat(waiting).isNotDone();
    ids.release(0);
    assertThat(waiting.get(5, TimeUnit.SECONDS)).isZero();
  }

  @Test
  void should_send_waiters_away_when_the_connection_closes() throws Exception {
    StreamIds ids = fullWithOneId();
    CompletableFuture<Integer> waiting = parkedWaiter(ids);

    ids.close();

    assertThat(waiting.get(5, TimeUnit.SECONDS)).isEqualTo(-1);
    assertThat(waiter(ids, System.nanoTime() + FAR).get(5, TimeUnit.SECONDS)).as("a waiter arriving after close")
        .isEqualTo(-1);
  }

  @Test
  void should_throw_interrupted_and_pass_on_a_free_id_when_a_waiter_is_interrupted() throws Exception {
    StreamIds ids = fullWithOneId();
    CompletableFuture<Integer> interrupted = new CompletableFuture<>();
    Thread thread = Thread.ofVirtual().start(() -> {
      try {
        interrupted.complete(ids.acquire(System.nanoTime() + FAR));
      } catch (Throwable e) {
        interrupted.completeExceptionally(e);
      }
    });
    Thread.sleep(50);
    CompletableFuture<Integer> other = parkedWaiter(ids);

    thread.interrupt();

    assertThatThrownBy(() -> interrupted.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(InterruptedException.class);
    ids.release(0);
    assertThat(other.get(5, TimeUnit.SECONDS)).as("the other waiter still gets the id").isZero();
  }

  @Test
  void should_refuse_a_double_release() {
    StreamIds ids = new StreamIds(4);
    int id = ids.acquireNow();
    ids.release(id);
    assertThatThrownBy(() -> ids.release(id)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("released twice");
  }
}
