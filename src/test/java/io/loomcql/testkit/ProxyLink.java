package io.loomcql.testkit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One connection through a {@link FaultProxy}: the client's socket, the proxy's socket to the
 * server, and a {@link ProxyPipe} (one virtual thread) for each direction. Faults set here apply
 * to this connection only. Thread-safe.
 */
public final class ProxyLink {
  private final FaultProxy proxy;
  private final int id;
  private final SocketChannel client;
  private final SocketChannel server;
  private final ProxyPipe up;
  private final ProxyPipe down;
  // Responses awaited by a rule: stream id -> the rule that matched its request.
  private final ConcurrentHashMap<Integer, ProxyRule> awaited = new ConcurrentHashMap<>();
  private final AtomicBoolean open = new AtomicBoolean(true);
  private final AtomicInteger endedDirections = new AtomicInteger();
  private volatile boolean framed = true;
  private volatile long resetNanos;
  private volatile List<Thread> pumps = List.of();

  ProxyLink(FaultProxy proxy, int id, SocketChannel client, SocketChannel server) {
    this.proxy = proxy;
    this.id = id;
    this.client = client;
    this.server = server;
    this.up = new ProxyPipe(this, client, server, new FrameScanner(this::onRequestHeader, this::notCql), proxy.upstreamCounter());
    this.down = new ProxyPipe(this, server, client, new FrameScanner(this::onResponseHeader, this::notCql), proxy.downstreamCounter());
  }

  void start(FaultProxy.Template upstream, FaultProxy.Template downstream) {
    up.apply(upstream);
    down.apply(downstream);
    pumps = List.of(
        Thread.ofVirtual().name("fault-proxy-" + id + "-up").start(up::pump),
        Thread.ofVirtual().name("fault-proxy-" + id + "-down").start(down::pump));
  }

  /** Client to server. */
  public Faults upstream() {
    return up;
  }

  /** Server to client. */
  public Faults downstream() {
    return down;
  }

  /** The client's end of this connection (its local address, as the client sees it). */
  public InetSocketAddress clientAddress() {
    try {
      return (InetSocketAddress) client.getRemoteAddress();
    } catch (IOException e) {
      return null; // closed
    }
  }

  public boolean isOpen() {
    return open.get();
  }

  /** When {@link #reset()} ran, in {@link System#nanoTime()} time; 0 if it did not. */
  public long resetNanos() {
    return resetNanos;
  }

  boolean framed() {
    return framed;
  }

  /** Resets both sockets now: each peer gets a TCP RST instead of a FIN. */
  public void reset() {
    if (!open.compareAndSet(true, false)) {
      return;
    }
    resetNanos = System.nanoTime();
    proxy.resetHappened(resetNanos);
    for (SocketChannel channel : List.of(client, server)) {
      try {
        channel.setOption(StandardSocketOptions.SO_LINGER, 0); // close() now sends RST
      } catch (IOException ignored) {
        // closed already: nothing to reset
      }
    }
    release();
  }

  /** Closes both sockets (each peer reads end of stream, or gets an error when it writes). */
  public void close() {
    if (open.compareAndSet(true, false)) {
      release();
    }
  }

  private void release() {
    closeQuietly(client);
    closeQuietly(server);
    pumps.forEach(Thread::interrupt);
    proxy.linkClosed(this);
  }

  /** Called by a pipe whose source ended: once both did, the link is done. */
  void directionEnded() {
    if (endedDirections.incrementAndGet() == 2) {
      close();
    }
  }

  private void notCql() {
    framed = false;
  }

  /** Upstream: counts the request and lets the proxy's rules claim it. */
  private FrameScanner.Diversion onRequestHeader(int version, int flags, int streamId, int opcode, int length) {
    if ((version & 0x7F) >= 5) {
      framed = false; // v5 switches to segments after STARTUP: no frame rule on this connection
      return null;
    }
    proxy.requestSeen(opcode);
    for (ProxyRule rule : proxy.rules()) {
      if (rule.matches(opcode) && !(rule.reaction() instanceof ProxyRule.Observe)) {
        awaited.putIfAbsent(streamId, rule);
      }
    }
    return null;
  }

  /** Downstream: the response to a matched request is dropped or held. */
  private FrameScanner.Diversion onResponseHeader(int version, int flags, int streamId, int opcode, int length) {
    ProxyRule rule = streamId < 0 ? null : awaited.remove(streamId);
    if (rule == null) {
      return null;
    }
    return switch (rule.reaction()) {
      case ProxyRule.DropResponse drop -> FrameScanner.Diversion.drop(rule::responseHandled);
      case ProxyRule.DelayResponse(Duration delay) -> FrameScanner.Diversion.hold(frame -> deliverLater(rule, frame, delay));
      case ProxyRule.Observe observe -> null;
    };
  }

  private void deliverLater(ProxyRule rule, byte[] frame, Duration delay) {
    Thread.ofVirtual().name("fault-proxy-" + id + "-late").start(() -> {
      try {
        Thread.sleep(delay);
      } catch (InterruptedException e) {
        return;
      }
      if (down.inject(frame)) {
        rule.responseHandled();
      }
    });
  }

  private static void closeQuietly(SocketChannel channel) {
    try {
      channel.close();
    } catch (IOException ignored) {
      // nothing left to do with a socket that fails to close
    }
  }

  @Override
  public String toString() {
    return "ProxyLink[" + id + ", " + (isOpen() ? "open" : "closed") + "]";
  }
}
