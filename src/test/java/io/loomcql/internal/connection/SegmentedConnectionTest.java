package io.loomcql.internal.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loomcql.ConsistencyLevel;
import io.loomcql.ProtocolVersion;
import io.loomcql.SimpleStatement;
import io.loomcql.error.ConnectionException;
import io.loomcql.internal.request.RetryDecider;
import io.loomcql.policy.DefaultRetryPolicy;
import io.loomcql.policy.RetryDecision;
import io.loomcql.internal.protocol.Frame;
import io.loomcql.internal.protocol.FrameCodec;
import io.loomcql.internal.protocol.Query;
import io.loomcql.internal.protocol.QueryOptions;
import io.loomcql.internal.protocol.Ready;
import io.loomcql.internal.protocol.Response;
import io.loomcql.internal.protocol.RowsResult;
import io.loomcql.internal.protocol.segment.CorruptSegmentException;
import io.loomcql.internal.protocol.segment.EnvelopeAssembler;
import io.loomcql.internal.protocol.segment.Segment;
import io.loomcql.internal.protocol.segment.SegmentDecoder;
import io.loomcql.internal.protocol.segment.SegmentFormat;
import io.loomcql.testkit.FakeNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A connection over protocol v5 segments, against a server loop built on the same segment codecs. */
class SegmentedConnectionTest {
  private ServerSocketChannel server;
  private final AtomicBoolean corruptReplies = new AtomicBoolean();
  private final AtomicBoolean inHeader = new AtomicBoolean(); // else in the payload's CRC32
  private final CountDownLatch threeQueued = new CountDownLatch(3);

  @BeforeEach
  void start() throws IOException {
    server = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    Thread.startVirtualThread(
        () -> {
          try (SocketChannel client = server.accept()) {
            serve(client);
          } catch (IOException | RuntimeException ignored) {
            // the test ends the connection
          }
        });
  }

  @AfterEach
  void stop() throws IOException {
    server.close();
  }

  private void serve(SocketChannel client) throws IOException {
    ByteBuffer in = ByteBuffer.allocate(1 << 20);
    // STARTUP and its READY are not framed.
    while (in.position() < 9 || in.position() < 9 + in.getInt(5)) {
      client.read(in);
    }
    in.flip();
    Frame startup = FrameCodec.decode(in, false, 1 << 20);
    write(client, Frame.of(ProtocolVersion.V5, startup.streamId(), Ready.INSTANCE), false, Corrupt.NONE);
    in.compact();
    SegmentDecoder decoder = new SegmentDecoder(null);
    EnvelopeAssembler assembler = new EnvelopeAssembler(1 << 20);
    List<Frame> held = new ArrayList<>();
    while (true) {
      in.flip();
      Segment segment;
      while ((segment = decoder.next(in)) != null) {
        assembler.feed(segment);
        ByteBuffer envelope;
        while ((envelope = assembler.next()) != null) {
          Frame request = FrameCodec.decode(envelope, false, 1 << 20);
          Query query = (Query) request.message();
          Response reply = FakeNode.textRow(query.query());
          if (!corruptReplies.get()) {
            write(client, Frame.of(ProtocolVersion.V5, request.streamId(), reply), true, Corrupt.NONE);
          } else {
            held.add(Frame.of(ProtocolVersion.V5, request.streamId(), reply));
            threeQueued.countDown();
            if (held.size() == 3) {
              write(client, held.get(0), true, inHeader.get() ? Corrupt.HEADER : Corrupt.PAYLOAD); // the others never go out
            }
          }
        }
      }
      in.compact();
      if (client.read(in) < 0) {
        return;
      }
    }
  }

  private enum Corrupt { NONE, HEADER, PAYLOAD }

  private static void write(SocketChannel client, Frame frame, boolean framed, Corrupt corrupt) throws IOException {
    ByteBuffer envelope = ByteBuffer.allocate(FrameCodec.encodedSize(frame));
    FrameCodec.encode(frame, envelope);
    envelope.flip();
    ByteBuffer out = envelope;
    if (framed) {
      out = ByteBuffer.allocate(SegmentFormat.MAX_SEGMENT_LENGTH);
      SegmentFormat.encode(envelope, true, null, out);
      out.flip();
      if (corrupt == Corrupt.PAYLOAD) {
        int last = out.limit() - 1; // a byte of the payload's CRC32
        out.put(last, (byte) (out.get(last) ^ 0x10));
      } else if (corrupt == Corrupt.HEADER) {
        out.put(0, (byte) (out.get(0) ^ 0x01)); // the lowest bit of the payload length, under the CRC24
      }
    }
    while (out.hasRemaining()) {
      client.write(out);
    }
  }

  private Connection connect() throws IOException {
    ConnectionConfig config =
        new ConnectionConfig(ProtocolVersion.V5, 64, Duration.ofSeconds(2), true, false, 0, 0, null, "3.0.0", 1 << 20);
    return Handshake.connect((InetSocketAddress) server.getLocalAddress(), config, null, Duration.ofSeconds(5));
  }

  private static String query(Connection connection, String text) {
    Frame frame =
        connection.request(
            new Query(text, QueryOptions.of(ConsistencyLevel.ONE, List.of())), System.nanoTime() + 5_000_000_000L);
    ByteBuffer content = ((RowsResult) frame.message()).content().duplicate();
    int length = content.getInt();
    byte[] bytes = new byte[length];
    content.get(bytes);
    return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  void should_exchange_requests_in_segments_after_startup() throws Exception {
    try (Connection connection = connect(); ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<String>> answers = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        String text = "q" + i;
        answers.add(threads.submit(() -> query(connection, text)));
      }
      for (int i = 0; i < 200; i++) {
        assertThat(answers.get(i).get()).isEqualTo("q" + i);
      }
    }
  }

  @Test
  void should_close_and_fail_every_request_in_flight_as_retryable_when_a_crc_is_corrupt() throws Exception {
    assertClosesAndFailsEveryRequestInFlightAsRetryable(false);
  }

  @Test
  void should_close_and_fail_every_request_in_flight_as_retryable_when_a_header_crc24_is_corrupt() throws Exception {
    assertClosesAndFailsEveryRequestInFlightAsRetryable(true);
  }

  /**
   * Retryable in the driver's sense: the retry decider sends an idempotent statement to the next
   * node (and the default policy agrees, as after any broken connection), and never re-sends a
   * statement that is not idempotent.
   */
  private void assertClosesAndFailsEveryRequestInFlightAsRetryable(boolean header) throws Exception {
    inHeader.set(header);
    try (Connection connection = connect(); ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      assertThat(query(connection, "before")).isEqualTo("before");
      corruptReplies.set(true);
      List<Future<String>> inFlight = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        String text = "doomed" + i;
        inFlight.add(threads.submit(() -> query(connection, text)));
      }
      threeQueued.await();
      for (Future<String> request : inFlight) {
        assertThatThrownBy(request::get)
            .cause()
            .isInstanceOfSatisfying(ConnectionException.class, e -> {
              assertThat(e.getCause()).hasMessageContaining("connection broken");
              assertThat(e).rootCause().isInstanceOfSatisfying(CorruptSegmentException.class,
                  corrupt -> assertThat(corrupt.inHeader()).isEqualTo(header));
              SimpleStatement statement = SimpleStatement.newInstance("doomed");
              assertThat(RetryDecider.decide(new DefaultRetryPolicy(), statement, true, e, 0).decision())
                  .isEqualTo(RetryDecision.RETRY_NEXT);
              assertThat(RetryDecider.decide(new DefaultRetryPolicy(), statement, false, e, 0).decision())
                  .isEqualTo(RetryDecision.RETHROW);
            });
      }
      assertThat(connection.isOpen()).isFalse();
    }
  }
}
