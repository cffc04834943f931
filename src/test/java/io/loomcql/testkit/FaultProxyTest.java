package io.loomcql.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loomcql.internal.protocol.Opcodes;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fault proxy itself, in front of an echo server: each fault does what it says, and only that. */
class FaultProxyTest {
  private EchoServer echo;
  private FaultProxy proxy;
  private final List<Socket> clients = new ArrayList<>();

  @BeforeEach
  void start() throws IOException {
    echo = new EchoServer();
    proxy = FaultProxy.start(echo.address());
  }

  @AfterEach
  void stop() throws IOException {
    for (Socket client : clients) {
      client.close();
    }
    proxy.close();
    echo.close();
  }

  private Socket connect() throws IOException {
    Socket client = new Socket();
    client.setTcpNoDelay(true);
    client.connect(proxy.address(), 5_000);
    client.setSoTimeout(5_000);
    clients.add(client);
    return client;
  }

  @Test
  void should_forward_bytes_both_ways_and_count_them() throws Exception {
    Socket client = connect();
    byte[] sent = new byte[200_000];
    new Random(1).nextBytes(sent);
    Thread writer = Thread.ofVirtual().start(() -> write(client, sent));
    byte[] received = new DataInputStream(client.getInputStream()).readNBytes(sent.length);
    writer.join();
    assertThat(received).isEqualTo(sent);
    // A pipe counts bytes once its write returns, which may be just after the echo arrived.
    long deadline = System.nanoTime() + 2_000_000_000L;
    while ((proxy.bytesUpstream() < sent.length || proxy.bytesDownstream() < sent.length)
        && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(proxy.bytesUpstream()).isEqualTo(sent.length);
    assertThat(proxy.bytesDownstream()).isEqualTo(sent.length);
    assertThat(proxy.acceptedConnections()).isEqualTo(1);
    assertThat(proxy.connections()).hasSize(1);
  }

  @Test
  void should_hold_bytes_while_stalled_and_deliver_them_on_resume() throws Exception {
    Socket client = connect();
    roundTrip(client, "warm");
    proxy.downstream().stall();
    client.getOutputStream().write("held".getBytes());
    client.setSoTimeout(300);
    assertThatThrownBy(() -> client.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
    assertThat(echo.received()).as("the other direction still flows").isEqualTo(8);

    proxy.downstream().resume();
    client.setSoTimeout(5_000);
    assertThat(new String(client.getInputStream().readNBytes(4))).isEqualTo("held");
    assertThat(proxy.connections().getFirst().isOpen()).isTrue();
  }

  @Test
  void should_not_read_from_the_sender_while_stalled_so_its_writes_block() throws Exception {
    Socket client = connect();
    proxy.upstream().stall();
    Thread drain = Thread.ofVirtual().start(() -> {
      try {
        client.getInputStream().transferTo(OutputStream.nullOutputStream());
      } catch (IOException ignored) {
        // closed at the end of the test
      }
    });
    AtomicLong written = new AtomicLong();
    Thread writer = Thread.ofVirtual().start(() -> {
      try {
        OutputStream out = client.getOutputStream();
        byte[] chunk = new byte[64 * 1024];
        for (int i = 0; i < 256; i++) { // 16 MiB: more than the socket buffers hold
          out.write(chunk);
          written.addAndGet(chunk.length);
        }
      } catch (IOException ignored) {
        // closed at the end of the test
      }
    });
    long before;
    do {
      before = written.get();
      Thread.sleep(300);
    } while (written.get() != before);
    assertThat(writer.isAlive()).as("the writer is blocked").isTrue();
    assertThat(written.get()).isLessThan(16L << 20);
    assertThat(echo.received()).isZero();

    proxy.upstream().resume();
    writer.join(Duration.ofSeconds(30));
    assertThat(writer.isAlive()).isFalse();
    assertThat(written.get()).isEqualTo(16L << 20);
    drain.interrupt();
  }

  @Test
  void should_reset_the_connection_after_n_more_bytes_of_a_direction() throws Exception {
    Socket client = connect();
    roundTrip(client, "warm");
    proxy.downstream().resetAfter(10);
    client.getOutputStream().write(new byte[100]);
    InputStream in = client.getInputStream();
    byte[] got = in.readNBytes(10);
    assertThat(got).hasSize(10);
    assertThatThrownBy(in::read).isInstanceOf(SocketException.class).hasMessageContaining("reset");
    assertThat(proxy.resets()).isEqualTo(1);
    assertThat(proxy.lastResetNanos()).isPositive();
    assertThat(proxy.connections()).isEmpty();
  }

  @Test
  void should_drop_the_response_to_the_nth_request_with_an_opcode() throws Exception {
    Socket client = connect();
    ProxyRule rule = proxy.onRequest(Opcodes.QUERY, 2, ProxyRule.Reaction.dropResponse());
    OutputStream out = client.getOutputStream();
    for (int stream = 1; stream <= 3; stream++) {
      for (byte b : frame(stream, Opcodes.QUERY, "q" + stream)) { // one byte per write: headers split
        out.write(b);
        out.flush();
      }
    }
    out.write(frame(4, Opcodes.OPTIONS, ""));
    DataInputStream in = new DataInputStream(client.getInputStream());
    assertThat(readStreamId(in)).isEqualTo(1);
    assertThat(readStreamId(in)).isEqualTo(3);
    assertThat(readStreamId(in)).isEqualTo(4);
    assertThat(rule.matched()).isEqualTo(1);
    assertThat(rule.responsesHandled()).isEqualTo(1);
    assertThat(proxy.requests(Opcodes.QUERY)).isEqualTo(3);
    assertThat(proxy.requests(Opcodes.OPTIONS)).isEqualTo(1);
  }

  @Test
  void should_send_a_delayed_response_whole_after_the_ones_behind_it() throws Exception {
    Socket client = connect();
    ProxyRule rule = proxy.onRequest(Opcodes.QUERY, 1, ProxyRule.Reaction.delayResponse(Duration.ofMillis(300)));
    OutputStream out = client.getOutputStream();
    long start = System.nanoTime();
    out.write(frame(1, Opcodes.QUERY, "late"));
    out.write(frame(2, Opcodes.QUERY, "x".repeat(100_000))); // a large frame the late one must not cut
    DataInputStream in = new DataInputStream(client.getInputStream());
    assertThat(readStreamId(in)).isEqualTo(2);
    assertThat(readStreamId(in)).isEqualTo(1);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (rule.responsesHandled() == 0 && System.nanoTime() < deadline) {
      Thread.sleep(5); // counted just after the write that the client may see first
    }
    assertThat(rule.responsesHandled()).isEqualTo(1);
  }

  @Test
  void should_match_nothing_on_a_v5_connection() throws Exception {
    Socket client = connect();
    ProxyRule rule = proxy.onRequests(Opcodes.OPTIONS, 10, ProxyRule.Reaction.dropResponse());
    byte[] v5 = frame(1, Opcodes.OPTIONS, "");
    v5[0] = 0x05;
    client.getOutputStream().write(v5);
    assertThat(client.getInputStream().readNBytes(v5.length)).isEqualTo(v5);
    assertThat(rule.matched()).isZero();
    assertThat(proxy.requests(Opcodes.OPTIONS)).isZero();
  }

  @Test
  void should_half_close_one_direction_and_keep_the_other() throws Exception {
    Socket client = connect();
    roundTrip(client, "warm");
    proxy.downstream().halfClose();
    assertThat(client.getInputStream().read()).as("end of stream").isEqualTo(-1);
    client.getOutputStream().write("more".getBytes());
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (echo.received() < 8 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(echo.received()).isEqualTo(8);
  }

  @Test
  void should_flip_the_byte_at_an_offset_of_the_stream() throws Exception {
    Socket client = connect();
    proxy.downstream().corruptAt(5);
    byte[] sent = "0123456789".getBytes();
    client.getOutputStream().write(sent);
    byte[] got = client.getInputStream().readNBytes(sent.length);
    byte[] expected = sent.clone();
    expected[5] ^= (byte) 0xFF;
    assertThat(got).isEqualTo(expected);
    assertThat(roundTrip(client, "clean")).isEqualTo("clean");
  }

  @Test
  void should_add_latency_to_each_chunk() throws Exception {
    Socket client = connect();
    proxy.upstream().delay(Duration.ofMillis(200));
    long start = System.nanoTime();
    assertThat(roundTrip(client, "slow")).isEqualTo("slow");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    proxy.upstream().clear();
  }

  @Test
  void should_close_every_connection_and_keep_accepting() throws Exception {
    Socket first = connect();
    roundTrip(first, "one");
    proxy.closeAll();
    assertThat(first.getInputStream().read()).isEqualTo(-1);
    Socket second = connect();
    assertThat(roundTrip(second, "two")).isEqualTo("two");
    assertThat(proxy.acceptedConnections()).isEqualTo(2);
  }

  private static String roundTrip(Socket client, String text) throws IOException {
    client.getOutputStream().write(text.getBytes());
    return new String(client.getInputStream().readNBytes(text.length()));
  }

  private static void write(Socket client, byte[] bytes) {
    try {
      client.getOutputStream().write(bytes);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A v4 request frame whose body is the given text. */
  static byte[] frame(int streamId, int opcode, String body) {
    byte[] text = body.getBytes();
    ByteBuffer frame = ByteBuffer.allocate(FrameScanner.HEADER_SIZE + text.length);
    frame.put((byte) 0x04).put((byte) 0).putShort((short) streamId).put((byte) opcode).putInt(text.length).put(text);
    return frame.array();
  }

  private static int readStreamId(DataInputStream in) throws IOException {
    byte[] header = in.readNBytes(FrameScanner.HEADER_SIZE);
    ByteBuffer buffer = ByteBuffer.wrap(header);
    int streamId = buffer.getShort(2);
    in.readNBytes(buffer.getInt(5));
    return streamId;
  }

  /** Sends back whatever it receives, and counts it. */
  static final class EchoServer implements AutoCloseable {
    private final ServerSocketChannel server;
    private final AtomicLong received = new AtomicLong();
    private final List<SocketChannel> connections = new java.util.concurrent.CopyOnWriteArrayList<>();

    EchoServer() throws IOException {
      server = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      Thread.ofVirtual().name("echo-acceptor").start(this::acceptLoop);
    }

    InetSocketAddress address() throws IOException {
      return (InetSocketAddress) server.getLocalAddress();
    }

    long received() {
      return received.get();
    }

    private void acceptLoop() {
      try {
        while (true) {
          SocketChannel connection = server.accept();
          connections.add(connection);
          Thread.ofVirtual().name("echo").start(() -> echo(connection));
        }
      } catch (IOException closed) {
        // server closed
      }
    }

    private void echo(SocketChannel connection) {
      ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
      try (connection) {
        while (connection.read(buffer) >= 0) {
          received.addAndGet(buffer.position());
          buffer.flip();
          while (buffer.hasRemaining()) {
            connection.write(buffer);
          }
          buffer.clear();
        }
      } catch (IOException ignored) {
        // the proxy went away
      }
    }

    @Override
    public void close() throws IOException {
      server.close();
      for (SocketChannel connection : connections) {
        connection.close();
      }
    }
  }
}
