package io.loomcql.internal.connection;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loomcql.SslOptions;
import io.loomcql.testkit.TlsCertificates;
import io.loomcql.testkit.TlsTestServer;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLServerSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The TLS transport against the JDK's own TLS server: data integrity, post-handshake messages, EOF. */
@Timeout(120)
class TlsTransportTest {
  static final TlsCertificates CERTS = TlsCertificates.get();

  private final List<AutoCloseable> resources = new ArrayList<>();

  @AfterEach
  void closeResources() throws Exception {
    Collections.reverse(resources);
    for (AutoCloseable resource : resources) {
      resource.close();
    }
  }

  @Test
  void should_round_trip_megabytes_when_writing_and_reading_concurrently() throws Exception {
    TlsTransport transport = connect(server(socket -> {}, TlsTestServer::echo));
    assertEchoed(transport, random(8 << 20, 1), 64 * 1024);
  }

  @Test
  void should_keep_order_when_many_small_writes_interleave_with_reads() throws Exception {
    TlsTransport transport = connect(server(socket -> {}, TlsTestServer::echo));
    Random random = new Random(2);
    for (int i = 0; i < 2000; i++) {
      byte[] message = random(1 + random.nextInt(200), i);
      transport.write(ByteBuffer.wrap(message));
      assertThat(readExactly(transport, message.length, 1 + random.nextInt(64))).isEqualTo(message);
    }
  }

  @Test
  void should_hand_out_records_piecewise_when_the_read_buffer_is_smaller_than_a_record() throws Exception {
    TlsTransport transport = connect(server(socket -> {}, TlsTestServer::echo));
    byte[] data = random(1 << 20, 3);
    transport.write(ByteBuffer.wrap(data));
    assertThat(Arrays.mismatch(readExactly(transport, data.length, 7), data)).isEqualTo(-1);
  }

  @Test
  void should_answer_a_tls13_key_update_when_the_writer_is_idle() throws Exception {
    TlsTransport transport =
        connect(
            server(
                socket -> socket.setEnabledProtocols(new String[] {"TLSv1.3"}),
                socket -> {
                  InputStream in = socket.getInputStream();
                  OutputStream out = socket.getOutputStream();
                  in.readNBytes(5);
                  socket.startHandshake(); // TLS 1.3: a KeyUpdate that requests ours
                  out.write("world".getBytes(StandardCharsets.US_ASCII));
                  out.flush();
                  out.write(in.readNBytes(5));
                  out.flush();
                  in.read();
                }));
    transport.write(ascii("hello"));
    assertThat(readExactly(transport, 5, 64)).asString(StandardCharsets.US_ASCII).isEqualTo("world");
    assertThat(transport.handshakeStatus()).isEqualTo(HandshakeStatus.NOT_HANDSHAKING);
    transport.write(ascii("again"));
    assertThat(readExactly(transport, 5, 64)).asString(StandardCharsets.US_ASCII).isEqualTo("again");
  }

  @Test
  void should_keep_data_intact_when_a_tls13_server_requests_key_updates_under_load() throws Exception {
    AtomicInteger updates = new AtomicInteger();
    TlsTransport transport =
        connect(server(socket -> socket.setEnabledProtocols(new String[] {"TLSv1.3"}), echoUpdatingKeys(updates)));
    assertEchoed(transport, random(4 << 20, 4), 64 * 1024);
    assertThat(updates).hasValueGreaterThanOrEqualTo(4);
    assertThat(transport.handshakeStatus()).isEqualTo(HandshakeStatus.NOT_HANDSHAKING);
  }

  @Test
  void should_keep_data_intact_when_a_tls12_server_renegotiates_under_load() throws Exception {
    AtomicInteger handshakes = new AtomicInteger();
    TlsTransport transport =
        connect(
            server(
                socket -> socket.setEnabledProtocols(new String[] {"TLSv1.2"}),
                socket -> {
                  socket.addHandshakeCompletedListener(event -> handshakes.incrementAndGet());
                  echoUpdatingKeys(new AtomicInteger()).serve(socket);
                }));
    assertEchoed(transport, random(4 << 20, 5), 64 * 1024);
    for (int i = 0; i < 100 && handshakes.get() == 0; i++) { // traffic lets a late renegotiation finish
      transport.write(ByteBuffer.wrap(new byte[] {(byte) i}));
      assertThat(readExactly(transport, 1, 16)).containsExactly((byte) i);
    }
    assertThat(handshakes).as("renegotiations completed").hasValueGreaterThanOrEqualTo(1);
    assertThat(transport.handshakeStatus()).isEqualTo(HandshakeStatus.NOT_HANDSHAKING);
  }

  @Test
  void should_return_end_of_stream_when_the_server_sends_close_notify() throws Exception {
    TlsTransport transport =
        connect(
            server(
                socket -> {},
                socket -> {
                  socket.getOutputStream().write("bye".getBytes(StandardCharsets.US_ASCII));
                  socket.shutdownOutput(); // close_notify, TCP stays open
                  socket.getInputStream().read();
                }));
    assertThat(readExactly(transport, 3, 64)).asString(StandardCharsets.US_ASCII).isEqualTo("bye");
    assertThat(transport.read(ByteBuffer.allocate(64))).isEqualTo(-1);
  }

  @Test
  void should_unblock_a_blocked_read_when_closed_from_another_thread() throws Exception {
    TlsTransport transport = connect(server(socket -> {}, socket -> socket.getInputStream().read()));
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      Future<Integer> read = threads.submit(() -> transport.read(ByteBuffer.allocate(64)));
      Thread.sleep(200);
      assertThat(read.isDone()).isFalse();
      Thread.ofVirtual().start(transport::close).join(Duration.ofSeconds(5));
      assertThat(outcome(read)).isIn(-1, "IOException");
    }
  }

  @Test
  void should_unblock_a_blocked_write_when_closed_from_another_thread() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    resources.add(release::countDown);
    TlsTransport transport = connect(server(socket -> {}, socket -> awaitQuietly(release))); // never reads
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      Future<Integer> write =
          threads.submit(
              () -> {
                transport.write(ByteBuffer.allocate(64 << 20));
                return 0;
              });
      Thread.sleep(500);
      assertThat(write.isDone()).as("the socket should be full").isFalse();
      Thread.ofVirtual().start(transport::close).join(Duration.ofSeconds(5));
      assertThat(outcome(write)).isEqualTo("IOException");
    }
  }

  @Test
  void should_time_out_the_handshake_when_the_server_never_answers() throws Exception {
    ServerSocketChannel silent =
        ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
    resources.add(silent);
    long start = System.nanoTime();
    InetSocketAddress address = (InetSocketAddress) silent.getLocalAddress();
    assertThatThrownBy(() -> connect(address, SslOptions.of(CERTS.clientContext()), Duration.ofMillis(300)))
        .isInstanceOf(SocketTimeoutException.class)
        .hasMessageContaining("TLS handshake did not complete within 300 ms");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
  }

  /** Echoes, and every 512 KiB asks for a new handshake: a KeyUpdate in TLS 1.3, a renegotiation in 1.2. */
  private static TlsTestServer.Handler echoUpdatingKeys(AtomicInteger requested) {
    return socket -> {
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      byte[] buffer = new byte[64 * 1024];
      long total = 0;
      int n;
      while ((n = in.read(buffer)) >= 0) {
        out.write(buffer, 0, n);
        out.flush();
        if ((total + n) / (512 * 1024) > total / (512 * 1024)) {
          socket.startHandshake();
          requested.incrementAndGet();
        }
        total += n;
      }
    };
  }

  /** Writes {@code data} in chunks of random size on one thread while another reads the echo. */
  static void assertEchoed(Transport transport, byte[] data, int readBuffer) throws Exception {
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      Future<?> writer =
          threads.submit(
              () -> {
                Random random = new Random(data.length);
                for (int offset = 0; offset < data.length; ) {
                  int n = Math.min(data.length - offset, 1 + random.nextInt(256 * 1024));
                  transport.write(ByteBuffer.wrap(data, offset, n));
                  offset += n;
                }
                return null;
              });
      Future<byte[]> reader = threads.submit(() -> readExactly(transport, data.length, readBuffer));
      writer.get(60, SECONDS);
      assertThat(Arrays.mismatch(reader.get(60, SECONDS), data)).as("first differing byte").isEqualTo(-1);
    }
  }

  static byte[] readExactly(Transport transport, int length, int bufferSize) throws IOException {
    byte[] result = new byte[length];
    ByteBuffer buffer = ByteBuffer.allocateDirect(bufferSize);
    for (int filled = 0; filled < length; ) {
      buffer.clear().limit(Math.min(bufferSize, length - filled));
      int n = transport.read(buffer);
      if (n < 0) {
        throw new EOFException("end of stream after " + filled + " of " + length + " bytes");
      }
      assertThat(n).as("a read returns at least one byte").isPositive();
      buffer.flip().get(result, filled, n);
      filled += n;
    }
    return result;
  }

  /** The value of a finished task, or the simple name of what it threw. */
  static Object outcome(Future<?> task) throws InterruptedException {
    try {
      return task.get(5, SECONDS);
    } catch (ExecutionException e) {
      return e.getCause() instanceof IOException ? "IOException" : e.getCause().toString();
    } catch (TimeoutException e) {
      return "still blocked after 5 s";
    }
  }

  static byte[] random(int length, long seed) {
    byte[] data = new byte[length];
    new Random(seed).nextBytes(data);
    return data;
  }

  private static ByteBuffer ascii(String text) {
    return ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private InetSocketAddress server(Consumer<SSLServerSocket> configure, TlsTestServer.Handler handler)
      throws IOException {
    TlsTestServer server = new TlsTestServer(CERTS.serverContext(CERTS.serverKeystore()), configure, handler).start();
    resources.add(server);
    return server.address();
  }

  private TlsTransport connect(InetSocketAddress address) throws IOException {
    return connect(address, SslOptions.of(CERTS.clientContext()), Duration.ofSeconds(5));
  }

  private TlsTransport connect(InetSocketAddress address, SslOptions options, Duration timeout) throws IOException {
    SocketChannel channel = SocketChannel.open(address);
    resources.add(channel);
    TlsTransport transport = TlsTransport.connect(channel, address, options, timeout);
    resources.add(transport::close);
    return transport;
  }
}
