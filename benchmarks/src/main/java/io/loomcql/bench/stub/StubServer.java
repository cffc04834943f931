package io.loomcql.bench.stub;

import io.loomcql.internal.protocol.FrameCodec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * The stub CQL server, run in its own process:
 * {@code java io.loomcql.bench.stub.StubServer [--port 0] [--delay-us 0] [--verbose]}. It prints
 * {@code STUB LISTENING <port>} once it accepts connections, then serves until killed. One platform
 * thread per connection (and one timer thread when a delay is set).
 */
public final class StubServer {
  private StubServer() {}

  public static void main(String[] args) throws IOException {
    int port = 0;
    long delayMicros = 0;
    boolean verbose = false;
    String host = "127.0.0.1";
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--port" -> port = Integer.parseInt(args[++i]);
        case "--delay-us" -> delayMicros = Long.parseLong(args[++i]);
        case "--host" -> host = args[++i];
        case "--verbose" -> verbose = true;
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    FrameCodec.initializeMessageClasses();
    CannedResponses canned = new CannedResponses();
    ServerSocketChannel server = ServerSocketChannel.open()
        .setOption(StandardSocketOptions.SO_REUSEADDR, true)
        .bind(new InetSocketAddress(InetAddress.getByName(host), port), 1024);
    System.out.println("STUB LISTENING " + ((InetSocketAddress) server.getLocalAddress()).getPort());
    System.out.flush();
    long delayNanos = delayMicros * 1000;
    boolean log = verbose;
    while (true) {
      SocketChannel client = server.accept();
      client.setOption(StandardSocketOptions.TCP_NODELAY, true);
      StubConnection connection = new StubConnection(client, canned, delayNanos, log);
      Thread.ofPlatform().daemon().name("stub-connection").start(connection::serve);
    }
  }
}
