package io.loomcql.internal.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loomcql.ConsistencyLevel;
import io.loomcql.ProtocolVersion;
import io.loomcql.error.BusyPoolException;
import io.loomcql.error.ConnectionException;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConnectionTest {
  private FakeNode node;

  @BeforeEach
  void startNode() throws Exception {
    node = new FakeNode();
  }

  @AfterEach
  void stopNode() throws Exception {
    node.close();
  }

  private Connection connect(int maxRequests) throws Exception {
    return connect(config(maxRequests));
  }

  private static ConnectionConfig config(int maxRequests) {
    return new ConnectionConfig(
        ProtocolVersion.V4, maxRequests, Duration.ofSeconds(2), true, false, 0, 0, null, "3.0.0", 1 << 20);
  }

  private Connection connect(ConnectionConfig config) throws Exception {
    return Handshake.connect(node.address(), config, null, Duration.ofSeconds(5));
  }

  @Test
  void should_close_a_connection_whose_node_stops_answering_heartbeats() throws Exception {
    ConnectionConfig config = config(16).withHeartbeat(Duration.ofMillis(200), Duration.ofMillis(300));
    try (Connection connection = connect(config)) {
      assertThat(query(connection, "alive", Duration.ofSeconds(5))).isEqualTo("alive");
      node.silent(true);
      long start = System.nanoTime();
      // A request in flight on the stalled node fails with the connection, not at its own timeout.
      assertThatThrownBy(() -> query(connection, "stuck", Duration.ofSeconds(30)))
          .isInstanceOf(ConnectionException.class)
          .hasMessageContaining("heartbeat");
      Duration detected = Duration.ofNanos(System.nanoTime() - start);
      assertThat(detected).isLessThan(Duration.ofMillis(200 + 300 + 500));
      assertThat(connection.isOpen()).isFalse();
    }
  }

  @Test
  void should_not_send_heartbeats_while_answers_keep_coming() throws Exception {
    ConnectionConfig config = config(16).withHeartbeat(Duration.ofMillis(100), Duration.ofMillis(50));
    try (Connection connection = connect(config)) {
      for (int i = 0; i < 20; i++) {
        assertThat(query(connection, "q" + i, Duration.ofSeconds(5))).isEqualTo("q" + i);
        Thread.sleep(20);
      }
      assertThat(connection.isOpen()).isTrue();
    }
  }

  private static String query(Connection connection, String text, Duration timeout) {
    Frame frame =
        connection.request(
            new Query(text, QueryOptions.of(ConsistencyLevel.ONE, List.of())), System.nanoTime() + timeout.toNanos());
    RowsResult rows = (RowsResult) frame.message();
    ByteBuffer content = rows.content().duplicate();
    int length = content.getInt();
    return NativeValues.readText(content.slice(content.position(), length));
  }

  @Test
  void should_give_each_of_1000_concurrent_callers_its_own_response() throws Exception {
    try (Connection connection = connect(128); ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<String>> answers = new ArrayList<>();
      for (int i = 0; i < 1000; i++) {
        String text = "request-" + i;
        answers.add(threads.submit(() -> query(connection, text, Duration.ofSeconds(10))));
      }
      for (int i = 0; i < 1000; i++) {
        assertThat(answers.get(i).get()).isEqualTo("request-" + i);
      }
      assertThat(connection.inFlight()).isZero();
    }
  }

  @Test
  void should_keep_a_timed_out_stream_id_reserved_until_its_late_response_arrives() throws Exception {
    CountDownLatch lateSent = new CountDownLatch(1);
    node.behavior(
        (query, request, peer) -> {
          if (query.query().equals("slow")) {
            Thread.startVirtualThread(
                () -> {
                  try {
                    Thread.sleep(400);
                    peer.reply(request, FakeNode.textRow("slow"));
                  } catch (Exception ignored) {
                    // test failure shows up in the assertions
                  } finally {
                    lateSent.countDown();
                  }
                });
          } else {
            FakeNode.echo(query, request, peer);
          }
        });
    try (Connection connection = connect(1)) { // a single stream id: reuse would be immediate
      assertThatThrownBy(() -> query(connection, "slow", Duration.ofMillis(100)))
          .isInstanceOf(OperationTimedOutException.class);
      assertThat(connection.orphans()).isEqualTo(1);
      assertThat(connection.inFlight()).isEqualTo(1);

      // The only id is orphaned: the next request waits for it instead of reusing it.
      assertThat(query(connection, "fast", Duration.ofSeconds(5))).isEqualTo("fast");
      lateSent.await();
      assertThat(connection.orphans()).isZero();
      assertThat(connection.inFlight()).isZero();
    }
  }

  @Test
  void should_hold_no_stream_id_once_closed_even_for_orphans_and_unanswered_requests() throws Exception {
    node.behavior((query, request, peer) -> {}); // never answers
    Connection connection = connect(16);
    assertThatThrownBy(() -> query(connection, "orphan", Duration.ofMillis(50)))
        .isInstanceOf(OperationTimedOutException.class);
    Thread waiting = Thread.startVirtualThread(() -> {
      try {
        query(connection, "unanswered", Duration.ofSeconds(30));
      } catch (RuntimeException expected) {
        // failed by the close
      }
    });
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (connection.inFlight() < 2 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(connection.inFlight()).isEqualTo(2);
    assertThat(connection.orphans()).isEqualTo(1);
    connection.close();
    waiting.join(Duration.ofSeconds(5));
    assertThat(waiting.isAlive()).isFalse();
    assertThat(connection.inFlight()).as("ids of a closed connection").isZero();
    assertThat(connection.orphans()).isZero();
  }

  @Test
  void should_fail_requests_in_flight_once_when_the_socket_closes() throws Exception {
    node.behavior((query, request, peer) -> peer.close());
    try (Connection connection = connect(16)) {
      assertThatThrownBy(() -> query(connection, "boom", Duration.ofSeconds(5)))
          .isInstanceOf(ConnectionException.class)
          .hasMessageContaining(node.address().getAddress().getHostAddress());
      assertThat(connection.isOpen()).isFalse();
      assertThatThrownBy(() -> query(connection, "after", Duration.ofSeconds(5)))
          .isInstanceOf(ConnectionException.class)
          .hasMessageContaining("connection broken");
    }
  }

  @Test
  void should_fail_exactly_the_requests_in_flight_once_when_reset_mid_response() throws Exception {
    java.util.List<Frame> held = new java.util.concurrent.CopyOnWriteArrayList<>();
    node.behavior(
        (query, request, peer) -> {
          if (!query.query().startsWith("held")) {
            FakeNode.echo(query, request, peer);
            return;
          }
          held.add(request);
          if (held.size() == 3) { // half of the first answer, then a reset
            peer.resetAfter(held.get(0), FakeNode.textRow("never whole"), 14);
          }
        });
    try (Connection connection = connect(16); ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      assertThat(query(connection, "before", Duration.ofSeconds(5))).isEqualTo("before");
      java.util.concurrent.atomic.AtomicInteger failures = new java.util.concurrent.atomic.AtomicInteger();
      List<Future<?>> inFlight = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        String text = "held" + i;
        inFlight.add(threads.submit(() -> {
          try {
            query(connection, text, Duration.ofSeconds(10));
          } catch (ConnectionException e) {
            failures.incrementAndGet();
          }
        }));
      }
      for (Future<?> request : inFlight) {
        request.get(5, java.util.concurrent.TimeUnit.SECONDS);
      }
      assertThat(failures.get()).isEqualTo(3);
      assertThat(connection.isOpen()).isFalse();
      assertThat(connection.inFlight()).as("no id left behind for a live caller").isLessThanOrEqualTo(3);
    }
  }

  @Test
  void should_close_on_bytes_that_are_no_frame_and_fail_what_is_in_flight() throws Exception {
    node.behavior((query, request, peer) -> peer.corrupt());
    try (Connection connection = connect(16)) {
      assertThatThrownBy(() -> query(connection, "x", Duration.ofSeconds(5)))
          .isInstanceOf(ConnectionException.class)
          .hasRootCauseInstanceOf(io.loomcql.error.ProtocolError.class);
      assertThat(connection.isOpen()).isFalse();
    }
  }

  @Test
  void should_time_out_without_hanging_when_the_node_stops_reading() throws Exception {
    try (Connection connection = connect(16)) {
      node.stopReading(true);
      String big = "x".repeat(1 << 20); // enough to fill the socket buffers
      long start = System.nanoTime();
      for (int i = 0; i < 4; i++) {
        assertThatThrownBy(() -> query(connection, big, Duration.ofMillis(300)))
            .isInstanceOf(OperationTimedOutException.class);
      }
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
      node.stopReading(false);
    }
  }

  @Test
  void should_time_out_when_no_stream_id_frees() throws Exception {
    node.behavior((query, request, peer) -> {}); // never answers
    try (Connection connection = connect(2)) {
      Thread.startVirtualThread(() -> catchAll(() -> query(connection, "a", Duration.ofSeconds(5))));
      Thread.startVirtualThread(() -> catchAll(() -> query(connection, "b", Duration.ofSeconds(5))));
      while (connection.inFlight() < 2) {
        Thread.sleep(5);
      }
      long start = System.nanoTime();
      assertThatThrownBy(() -> query(connection, "c", Duration.ofMillis(200)))
          .isInstanceOf(BusyPoolException.class)
          .hasMessageContaining("all 2 stream ids");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).as("waited for a slot first").isGreaterThan(Duration.ofMillis(150));
    }
  }

  private static void catchAll(Runnable action) {
    try {
      action.run();
    } catch (RuntimeException ignored) {
      // expected when the connection closes at the end of the test
    }
  }
}
