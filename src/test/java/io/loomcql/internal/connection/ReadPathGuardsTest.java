package io.loomcql.internal.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.loomcql.ConsistencyLevel;
import io.loomcql.ProtocolVersion;
import io.loomcql.error.ConnectionException;
import io.loomcql.error.OperationTimedOutException;
import io.loomcql.error.ProtocolError;
import io.loomcql.internal.codec.NativeValues;
import io.loomcql.internal.protocol.ErrorCodes;
import io.loomcql.internal.protocol.ErrorDetails;
import io.loomcql.internal.protocol.ErrorResponse;
import io.loomcql.internal.protocol.Event;
import io.loomcql.internal.protocol.Frame;
import io.loomcql.internal.protocol.Query;
import io.loomcql.internal.protocol.QueryOptions;
import io.loomcql.internal.protocol.RowsResult;
import io.loomcql.internal.protocol.compression.Allocations;
import io.loomcql.testkit.FakeNode;
import io.loomcql.testkit.logging.LogCapture;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Plan tests A3 and A6 on a live v4 connection: what the reader refuses from a node. Lengths out
 * of bounds, EVENTs on request streams and answers on stream 0 close the connection at once;
 * answers on other stream ids that have no request are dropped with a WARN, up to a limit.
 */
class ReadPathGuardsTest {
  private static final int MAX_BODY = 1 << 20;
  private FakeNode node;

  @BeforeEach
  void startNode() throws Exception {
    node = new FakeNode();
  }

  @AfterEach
  void stopNode() throws Exception {
    node.close();
  }

  private Connection connect() throws Exception {
    ConnectionConfig config = new ConnectionConfig(
        ProtocolVersion.V4, 16, Duration.ofSeconds(2), true, false, 0, 0, null, "3.0.0", MAX_BODY);
    return Handshake.connect(node.address(), config, null, Duration.ofSeconds(5));
  }

  private static String query(Connection connection, String text, Duration timeout) {
    Frame frame = connection.request(
        new Query(text, QueryOptions.of(ConsistencyLevel.ONE, List.of())), System.nanoTime() + timeout.toNanos());
    ByteBuffer content = ((RowsResult) frame.message()).content().duplicate();
    int length = content.getInt();
    return NativeValues.readText(content.slice(content.position(), length));
  }

  /** A RESULT row answering {@code request}, but on stream {@code streamId}. */
  private static byte[] rowOnStream(Frame request, int streamId, String value) {
    byte[] bytes = FakeNode.Peer.encoded(request, FakeNode.textRow(value));
    bytes[2] = (byte) (streamId >> 8);
    bytes[3] = (byte) streamId;
    return bytes;
  }

  private static long warnings(LogCapture logs, String text) {
    return logs.lines().stream().filter(line -> line.startsWith("WARN") && line.contains(text)).count();
  }

  @Test
  void should_drop_responses_on_stream_ids_never_issued_with_a_warning_and_keep_serving() throws Exception {
    node.behavior((query, request, peer) -> {
      if (query.query().equals("stray")) {
        int unused = (request.streamId() + 7) % 16; // an id of this connection that nothing holds
        peer.writeRaw(rowOnStream(request, 300, "beyond the ids of the connection"));
        peer.writeRaw(rowOnStream(request, unused, "not asked for"));
      }
      FakeNode.echo(query, request, peer);
    });
    try (Connection connection = connect(); LogCapture logs = LogCapture.start()) {
      assertThat(query(connection, "stray", Duration.ofSeconds(5))).isEqualTo("stray");
      assertThat(connection.strayResponses().count()).isEqualTo(2);
      assertThat(warnings(logs, "dropping a response on stream 300 that has no request")).isOne();
      assertThat(warnings(logs, "that has no request")).isEqualTo(2);
      assertThat(connection.isOpen()).isTrue();
      assertThat(query(connection, "after", Duration.ofSeconds(5))).isEqualTo("after");
    }
  }

  @Test
  void should_close_the_connection_at_the_nth_response_on_a_stream_id_never_issued() throws Exception {
    node.behavior((query, request, peer) -> {
      if (query.query().equals("flood")) {
        for (int i = 0; i < 5; i++) {
          peer.writeRaw(rowOnStream(request, 1000 + i, "stray " + i)); // and no answer to the request
        }
      } else {
        FakeNode.echo(query, request, peer);
      }
    });
    try (Connection connection = connect(); LogCapture logs = LogCapture.start()) {
      connection.strayResponses().max(5);
      assertThatThrownBy(() -> query(connection, "flood", Duration.ofSeconds(5)))
          .isInstanceOf(ConnectionException.class)
          .rootCause()
          .isInstanceOf(ProtocolError.class)
          .hasMessageContaining("5 responses on stream ids with no request");
      assertThat(connection.isOpen()).isFalse();
      assertThat(warnings(logs, "that has no request")).isEqualTo(5);
    }
  }

  @Test
  void should_not_count_the_late_answer_of_a_timed_out_request_as_a_stray_response() throws Exception {
    CountDownLatch lateSent = new CountDownLatch(1);
    node.behavior((query, request, peer) -> {
      if (query.query().equals("slow")) {
        Thread.startVirtualThread(() -> {
          try {
            Thread.sleep(300);
            FakeNode.echo(query, request, peer);
          } catch (Exception ignored) {
            // the assertions below fail if this answer never came
          } finally {
            lateSent.countDown();
          }
        });
      } else {
        FakeNode.echo(query, request, peer);
      }
    });
    try (Connection connection = connect(); LogCapture logs = LogCapture.start()) {
      connection.strayResponses().max(1); // a single miscount would close the connection
      assertThatThrownBy(() -> query(connection, "slow", Duration.ofMillis(50)))
          .isInstanceOf(OperationTimedOutException.class);
      assertThat(connection.orphans()).isOne();
      assertThat(lateSent.await(5, TimeUnit.SECONDS)).isTrue();
      assertThat(query(connection, "after", Duration.ofSeconds(5))).isEqualTo("after"); // read after the late one
      assertThat(connection.orphans()).isZero();
      assertThat(connection.strayResponses().count()).isZero();
      assertThat(warnings(logs, "that has no request")).isZero();
      assertThat(connection.isOpen()).isTrue();
    }
  }

  @Test
  void should_close_the_connection_on_a_response_on_stream_0_when_no_request_is_pending() throws Exception {
    CompletableFuture<Frame> first = new CompletableFuture<>();
    node.behavior((query, request, peer) -> {
      if (query.query().equals("first")) {
        first.complete(request); // held until "second" arrives
      } else if (query.query().equals("second")) {
        Frame held = first.join();
        FakeNode.echo(new Query("first", query.options()), held, peer); // frees stream 0...
        ErrorResponse error = new ErrorResponse(ErrorCodes.PROTOCOL_ERROR, "Invalid frame", ErrorDetails.None.INSTANCE);
        byte[] onZero = FakeNode.Peer.encoded(held, error); // ...then answers on it again
        peer.writeRaw(onZero);
      }
    });
    try (Connection connection = connect()) {
      CompletableFuture<String> firstAnswer =
          CompletableFuture.supplyAsync(() -> query(connection, "first", Duration.ofSeconds(5)), Thread::startVirtualThread);
      assertThat(first.get(5, TimeUnit.SECONDS).streamId()).as("the first request holds stream 0").isZero();
      assertThatThrownBy(() -> query(connection, "second", Duration.ofSeconds(5)))
          .isInstanceOf(ConnectionException.class)
          .rootCause()
          .isInstanceOf(ProtocolError.class)
          .hasMessageContaining("response on stream 0")
          .hasMessageContaining("with no request pending")
          .hasMessageContaining("Invalid frame");
      assertThat(firstAnswer.get(5, TimeUnit.SECONDS)).as("answered before the stray frame").isEqualTo("first");
      assertThat(connection.isOpen()).isFalse();
    }
  }

  @Test
  void should_close_the_connection_on_an_event_on_a_request_stream() throws Exception {
    node.behavior((query, request, peer) -> {
      Event event = new Event.StatusChange("UP", new InetSocketAddress("127.0.0.9", 9042));
      peer.writeRaw(FakeNode.Peer.encoded(request, event)); // on the request's own stream id
    });
    try (Connection connection = connect()) {
      assertThatThrownBy(() -> query(connection, "event", Duration.ofSeconds(5)))
          .isInstanceOf(ConnectionException.class)
          .rootCause()
          .isInstanceOf(ProtocolError.class)
          .hasMessageContaining("EVENT on stream");
      assertThat(connection.isOpen()).isFalse();
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0x04, 0x83, 0x85}) // a request's direction bit; v3 and v5 responses on a v4 connection
  void should_close_the_connection_on_a_frame_in_the_wrong_direction_or_version(int versionByte) throws Exception {
    node.behavior((query, request, peer) -> {
      byte[] answer = FakeNode.Peer.encoded(request, FakeNode.textRow("wrong"));
      answer[0] = (byte) versionByte;
      peer.writeRaw(answer);
    });
    try (Connection connection = connect()) {
      assertThatThrownBy(() -> query(connection, "wrong", Duration.ofSeconds(5)))
          .isInstanceOf(ConnectionException.class)
          .rootCause()
          .isInstanceOf(ProtocolError.class)
          .hasMessageContaining(versionByte == 0x04 ? "wrong direction" : "on a v4 connection");
      assertThat(connection.isOpen()).isFalse();
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {Integer.MAX_VALUE, -1, Integer.MIN_VALUE})
  void should_close_the_connection_on_a_body_length_out_of_bounds_before_allocating_the_body(int length)
      throws Exception {
    node.behavior((query, request, peer) -> {
      int stream = request.streamId();
      peer.writeRaw(new byte[] {(byte) 0x84, 0, (byte) (stream >> 8), (byte) stream, 0x08,
          (byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length});
    });
    try (Connection warmUp = connect()) { // the first failure loads classes: heap the second one does not need
      assertThatThrownBy(() -> query(warmUp, "huge", Duration.ofSeconds(5))).isInstanceOf(ConnectionException.class);
    }
    try (Connection connection = connect()) {
      long before = Allocations.total();
      Throwable failure = catchThrowable(() -> query(connection, "huge", Duration.ofSeconds(5)));
      long allocated = Allocations.total() - before;
      // Every thread of the JVM counts here (the reader is a virtual thread, which has no counter of
      // its own): a body buffer of the declared length, or even of the 1 MiB maximum, would show.
      assertThat(allocated).as("bytes allocated by all threads").isLessThan(MAX_BODY / 2);
      assertThat(failure)
          .isInstanceOf(ConnectionException.class)
          .rootCause()
          .isInstanceOf(ProtocolError.class)
          .hasMessageContaining("frame body length " + length + " outside [0, " + MAX_BODY + "]");
      assertThat(connection.isOpen()).isFalse();
    }
  }
}
