package io.loomcql.internal.connection;

import static io.loomcql.testkit.Await.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loomcql.ConsistencyLevel;
import io.loomcql.ProtocolVersion;
import io.loomcql.error.BusyPoolException;
import io.loomcql.error.DriverException;
import io.loomcql.error.OperationTimedOutException;
import io.loomcql.internal.codec.NativeValues;
import io.loomcql.internal.protocol.Frame;
import io.loomcql.internal.protocol.Query;
import io.loomcql.internal.protocol.QueryOptions;
import io.loomcql.internal.protocol.RowsResult;
import io.loomcql.testkit.FakeNode;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Requests that find every stream id of a connection taken wait in its {@link IdBacklog}, and the
 * thread that frees an id sends the oldest of them. Against a fake node, so that answers can be
 * held back and counted.
 */
class IdBacklogTest {
  private FakeNode node;
  private final List<String> received = new CopyOnWriteArrayList<>();

  @BeforeEach
  void startNode() throws Exception {
    node = new FakeNode();
  }

  @AfterEach
  void stopNode() throws Exception {
    node.close();
  }

  private Connection connect(int streamIds) throws Exception {
    ConnectionConfig config = new ConnectionConfig(
        ProtocolVersion.V4, streamIds, Duration.ofSeconds(2), true, false, 0, 0, null, "3.0.0", 1 << 20);
    return Handshake.connect(node.address(), config, null, Duration.ofSeconds(5));
  }

  /** Echoes every query but those starting with "hold", which are answered once {@code release} opens. */
  private void echoExceptHeld(CountDownLatch release) {
    node.behavior((query, request, peer) -> {
      received.add(query.query());
      if (!query.query().startsWith("hold")) {
        FakeNode.echo(query, request, peer);
        return;
      }
      Thread.startVirtualThread(() -> {
        try {
          release.await();
          peer.reply(request, FakeNode.textRow(query.query()));
        } catch (Exception ignored) {
          // the connection closed: nobody waits for this answer
        }
      });
    });
  }

  @Test
  void should_send_every_waiting_request_once_ids_free_and_leave_nothing_behind() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    echoExceptHeld(release);
    try (Connection connection = connect(1)) {
      CompletableFuture<String> held = call(connection, "hold", Duration.ofSeconds(10));
      waitUntil(() -> received.contains("hold")); // written, not only holding its id
      List<CompletableFuture<String>> waiting = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        waiting.add(call(connection, "w" + i, Duration.ofSeconds(10)));
        int queued = i + 1;
        waitUntil(() -> connection.waitingForId() == queued);
      }
      // Past the patience (5 ticks of 10 ms) for some of them: both stacks are in use.
      Thread.sleep(10 * DeadlineSweeper.TICK_NANOS / 1_000_000);
      assertThat(received).containsExactly("hold");

      release.countDown();
      assertThat(held.get(5, TimeUnit.SECONDS)).isEqualTo("hold");
      for (int i = 0; i < 10; i++) {
        assertThat(waiting.get(i).get(5, TimeUnit.SECONDS)).isEqualTo("w" + i);
      }
      assertThat(received).hasSize(11).doesNotHaveDuplicates();
      assertThat(connection.inFlight()).isZero();
      assertThat(connection.waitingForId()).isZero();
    }
  }

  @Test
  void should_hand_an_id_to_the_newest_request_until_the_oldest_ran_out_of_patience() {
    IdBacklog backlog = new IdBacklog();
    PendingRequest first = waiting();
    PendingRequest second = waiting();
    PendingRequest third = waiting();
    backlog.add(first);
    backlog.add(second);
    backlog.add(third);

    assertThat(backlog.handOver(7)).as("young: the newest first").isSameAs(third);
    assertThat(third.streamId).isEqualTo(7);
    sweep(backlog, IdBacklog.PATIENCE_TICKS);
    PendingRequest fourth = waiting();
    backlog.add(fourth);
    assertThat(backlog.handOver(8)).as("the oldest waited its patience").isSameAs(first);
    assertThat(backlog.handOver(9)).isSameAs(second);
    assertThat(backlog.handOver(10)).as("the rest are young again").isSameAs(fourth);
    assertThat(backlog.handOver(11)).isNull();
    assertThat(backlog.isEmpty()).isTrue();
  }

  @Test
  void should_keep_requests_that_came_while_overdue_ones_wait_for_the_next_patience() {
    IdBacklog backlog = new IdBacklog();
    List<PendingRequest> early = List.of(waiting(), waiting(), waiting());
    early.forEach(backlog::add);
    sweep(backlog, IdBacklog.PATIENCE_TICKS); // the three are overdue now
    List<PendingRequest> late = List.of(waiting(), waiting());
    late.forEach(backlog::add);
    sweep(backlog, IdBacklog.PATIENCE_TICKS); // not taken: overdue ones still wait

    assertThat(backlog.handOver(1)).isSameAs(early.get(0));
    assertThat(backlog.handOver(2)).isSameAs(early.get(1));
    sweep(backlog, 1); // one overdue left: the late ones stay young
    assertThat(backlog.handOver(3)).isSameAs(early.get(2));
    sweep(backlog, 1); // none overdue left: the late ones are taken, in the order they came
    assertThat(backlog.handOver(4)).isSameAs(late.get(0));
    assertThat(backlog.handOver(5)).isSameAs(late.get(1));
    assertThat(backlog.isEmpty()).isTrue();
  }

  private static void sweep(IdBacklog backlog, int ticks) {
    for (int tick = 0; tick < ticks; tick++) {
      backlog.sweep(System.nanoTime());
    }
  }

  @Test
  void should_skip_requests_whose_callers_gave_up_and_fail_the_rest_once_closed() {
    IdBacklog backlog = new IdBacklog();
    PendingRequest gaveUp = waiting();
    PendingRequest waits = waiting();
    PendingRequest alsoWaits = waiting();
    backlog.add(waits);
    backlog.add(alsoWaits);
    backlog.add(gaveUp);
    assertThat(gaveUp.giveUpStreamId()).isTrue();
    assertThat(backlog.waiting()).isEqualTo(2);

    assertThat(backlog.handOver(3)).as("the newest gave up: the next newest").isSameAs(alsoWaits);
    RuntimeException closed = new RuntimeException("closed");
    backlog.failAll(closed);
    assertThat(waits.streamId).isEqualTo(PendingRequest.NO_ID_EVER);
    assertThat(waits.await()).isSameAs(closed);
    assertThat(backlog.handOver(4)).isNull();
  }

  @Test
  void should_wake_a_waiting_caller_once_its_deadline_passed() throws Exception {
    IdBacklog backlog = new IdBacklog();
    CompletableFuture<Object> outcome = new CompletableFuture<>();
    long deadline = System.nanoTime() + Duration.ofMillis(50).toNanos();
    PendingRequest[] request = new PendingRequest[1];
    Thread caller = Thread.ofVirtual().unstarted(() -> outcome.complete(request[0].await()));
    request[0] = new PendingRequest(PendingRequest.NO_ID_YET, false, java.util.Map.of(), null, caller, deadline);
    backlog.add(request[0]);
    caller.start();
    while (!outcome.isDone() && System.nanoTime() - deadline < Duration.ofSeconds(5).toNanos()) {
      backlog.sweep(System.nanoTime()); // what the DeadlineSweeper does each tick
      Thread.sleep(10);
    }
    assertThat(outcome).isCompletedWithValue(PendingRequest.TIMED_OUT);
    assertThat(request[0].streamId).as("it left without an id").isEqualTo(PendingRequest.NO_ID_EVER);
    assertThat(backlog.handOver(1)).as("a request that gave up is skipped").isNull();
    assertThat(backlog.isEmpty()).isTrue();
  }

  /** A request waiting for an id, whose deadline no unit test reaches. */
  private static PendingRequest waiting() {
    return new PendingRequest(PendingRequest.NO_ID_YET, false, java.util.Map.of(), null, Thread.currentThread(),
        System.nanoTime() + Duration.ofMinutes(1).toNanos());
  }

  @Test
  void should_never_send_a_request_whose_wait_for_an_id_timed_out() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    echoExceptHeld(release);
    try (Connection connection = connect(2)) {
      CompletableFuture<String> first = call(connection, "hold 1", Duration.ofSeconds(5));
      CompletableFuture<String> second = call(connection, "hold 2", Duration.ofSeconds(5));
      waitUntil(() -> connection.inFlight() == 2);

      assertThatThrownBy(() -> query(connection, "too late", Duration.ofMillis(100)))
          .isInstanceOf(BusyPoolException.class)
          .hasMessageContaining("all 2 stream ids");
      release.countDown();
      assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("hold 1");
      assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo("hold 2");
      assertThat(query(connection, "after", Duration.ofSeconds(5))).isEqualTo("after");

      assertThat(received).as("what reached the node").containsExactlyInAnyOrder("hold 1", "hold 2", "after");
      assertThat(connection.inFlight()).isZero();
      assertThat(connection.orphans()).as("a request never sent owes no answer").isZero();
    }
  }

  @Test
  void should_end_the_wait_of_an_interrupted_caller_without_sending_its_request() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    echoExceptHeld(release);
    try (Connection connection = connect(1)) {
      CompletableFuture<String> held = call(connection, "hold", Duration.ofSeconds(5));
      waitUntil(() -> connection.inFlight() == 1);
      CompletableFuture<Throwable> outcome = new CompletableFuture<>();
      Thread caller = Thread.startVirtualThread(() -> {
        try {
          query(connection, "interrupted", Duration.ofSeconds(30));
          outcome.complete(null);
        } catch (RuntimeException e) {
          outcome.complete(e);
        }
      });
      waitUntil(() -> connection.waitingForId() == 1);
      caller.interrupt();

      assertThat(outcome.get(5, TimeUnit.SECONDS))
          .isInstanceOf(DriverException.class)
          .hasMessageContaining("interrupted while waiting for a free stream id");
      release.countDown();
      assertThat(held.get(5, TimeUnit.SECONDS)).isEqualTo("hold");
      assertThat(query(connection, "next", Duration.ofSeconds(5))).isEqualTo("next");
      assertThat(received).containsExactly("hold", "next");
      assertThat(connection.orphans()).isZero();
    }
  }

  @Test
  void should_fail_every_waiting_request_as_not_sent_when_the_connection_closes() throws Exception {
    echoExceptHeld(new CountDownLatch(1)); // held forever
    Connection connection = connect(1);
    call(connection, "hold", Duration.ofSeconds(30));
    // Until the node has it: an id taken is not yet a request written, and close() may beat the writer.
    waitUntil(() -> received.contains("hold"));
    List<CompletableFuture<String>> waiting = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      waiting.add(call(connection, "w" + i, Duration.ofSeconds(30)));
    }
    waitUntil(() -> connection.waitingForId() == 5);

    connection.close();
    for (CompletableFuture<String> request : waiting) {
      assertThat(request).failsWithin(Duration.ofSeconds(5))
          .withThrowableOfType(java.util.concurrent.ExecutionException.class)
          .havingCause()
          .isInstanceOf(RequestNotSentException.class)
          .withMessageContaining("connection closed");
    }
    assertThat(received).containsExactly("hold");
    assertThat(connection.inFlight()).isZero();
    assertThat(connection.waitingForId()).isZero();
  }

  /**
   * Waits that end (deadline passed) at the moment an id is handed over must neither lose the id
   * nor send the request twice, and no answer may reach another request. Run many times over two
   * ids with deadlines of 0 to 3 ms, so that give-ups and hand-overs race.
   */
  @Test
  void should_lose_no_id_and_cross_no_answers_when_waits_end_as_ids_are_handed_over() throws Exception {
    node.behavior((query, request, peer) -> {
      received.add(query.query());
      FakeNode.echo(query, request, peer);
    });
    AtomicInteger answered = new AtomicInteger();
    AtomicInteger busy = new AtomicInteger();
    AtomicInteger timedOut = new AtomicInteger();
    List<String> neverSent = new CopyOnWriteArrayList<>();
    try (Connection connection = connect(2); ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> callers = new ArrayList<>();
      for (int t = 0; t < 100; t++) {
        int caller = t;
        callers.add(threads.submit(() -> {
          for (int i = 0; i < 50; i++) {
            String text = caller + "/" + i;
            Duration timeout = Duration.ofMillis(ThreadLocalRandom.current().nextInt(4));
            try {
              assertThat(query(connection, text, timeout)).isEqualTo(text);
              answered.incrementAndGet();
            } catch (BusyPoolException e) {
              busy.incrementAndGet();
              neverSent.add(text);
            } catch (OperationTimedOutException e) {
              timedOut.incrementAndGet();
            }
          }
          return null;
        }));
      }
      for (Future<?> caller : callers) {
        caller.get(30, TimeUnit.SECONDS); // rethrows a crossed answer
      }
      assertThat(answered.get() + busy.get() + timedOut.get()).isEqualTo(100 * 50);
      assertThat(busy.get()).as("waits for an id that timed out").isPositive();
      waitUntil(() -> connection.inFlight() == 0); // the orphans' late answers arrive
      assertThat(connection.orphans()).isZero();
      assertThat(connection.waitingForId()).isZero();
      assertThat(received).as("a request is sent at most once").doesNotHaveDuplicates()
          .hasSizeGreaterThanOrEqualTo(answered.get()) // a request that timed out may have been dropped unwritten
          .doesNotContainAnyElementsOf(neverSent);
      assertThat(query(connection, "still works", Duration.ofSeconds(5))).isEqualTo("still works");
    }
  }

  private CompletableFuture<String> call(Connection connection, String text, Duration timeout) {
    CompletableFuture<String> answer = new CompletableFuture<>();
    Thread.startVirtualThread(() -> {
      try {
        answer.complete(query(connection, text, timeout));
      } catch (Throwable e) {
        answer.completeExceptionally(e);
      }
    });
    return answer;
  }

  private static String query(Connection connection, String text, Duration timeout) {
    Frame frame = connection.request(
        new Query(text, QueryOptions.of(ConsistencyLevel.ONE, List.of())), System.nanoTime() + timeout.toNanos());
    RowsResult rows = (RowsResult) frame.message();
    ByteBuffer content = rows.content().duplicate();
    int length = content.getInt();
    return NativeValues.readText(content.slice(content.position(), length));
  }
}
