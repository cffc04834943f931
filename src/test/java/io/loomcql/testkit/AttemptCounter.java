package io.loomcql.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Stands in for a node that is down, on the node's own port: every connection is accepted,
 * timestamped and reset at once (TCP RST). For the driver that is a failed connection attempt,
 * as a refused connect is; unlike a closed port, it lets the test count the attempts on the node
 * side. It binds with SO_REUSEPORT next to the {@link FakeNode} it replaces, so no attempt falls
 * into a gap between the node's close and this listener's bind. Thread-safe.
 */
public final class AttemptCounter implements AutoCloseable {
  private final ServerSocketChannel server;
  private final ConcurrentLinkedQueue<Long> attempts = new ConcurrentLinkedQueue<>();

  private AttemptCounter(int port) throws IOException {
    server = ServerSocketChannel.open()
        .setOption(StandardSocketOptions.SO_REUSEADDR, true)
        .setOption(StandardSocketOptions.SO_REUSEPORT, true)
        .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024); // room for a reconnection wave
    Thread.ofVirtual().name("attempt-counter-" + port).start(this::acceptLoop);
  }

  /** Listens on {@code port} of 127.0.0.1 (the port of a running {@link FakeNode}, which also uses SO_REUSEPORT). */
  public static AttemptCounter bind(int port) throws IOException {
    return new AttemptCounter(port);
  }

  private void acceptLoop() {
    try {
      while (true) {
        SocketChannel client = server.accept();
        attempts.add(System.nanoTime());
        client.setOption(StandardSocketOptions.SO_LINGER, 0); // close() sends RST
        client.close();
      }
    } catch (IOException closed) {
      // listener closed
    }
  }

  /** When each connection arrived ({@link System#nanoTime()}), in arrival order. */
  public List<Long> attempts() {
    return List.copyOf(attempts);
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
