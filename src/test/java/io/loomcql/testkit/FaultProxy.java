package io.loomcql.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * A TCP proxy on 127.0.0.1 that sits between the driver and a node (a real Cassandra or a
 * {@link FakeNode}) and does to the bytes what a network or a node can do on a bad day, on
 * demand: for each direction, added latency, a stall (a blackhole), a reset after N bytes, a
 * half-close, a flipped byte ({@link Faults}); and frame-aware rules that match the Nth request
 * with an opcode and drop or delay its response ({@link ProxyRule}).
 *
 * <p>Blocking sockets on virtual threads: one acceptor, and two pumps per connection. Faults set
 * through {@link #upstream()} / {@link #downstream()} apply to every connection, open or still to
 * come; those set through one {@link ProxyLink} (from {@link #connections()}) to that one only.
 *
 * <p><b>Frame rules need protocol v3/v4.</b> The proxy follows v3/v4 frame headers (9 bytes;
 * LZ4- or Snappy-compressed bodies included, as the header stays plain). Protocol v5 frames its
 * traffic in segments once STARTUP is answered, so a connection whose first request is v5 is
 * not scanned at all: rules never match on it and {@link #requests(int)} does not count it.
 * Tests that use rules build their cluster with {@code withProtocolVersion(ProtocolVersion.V4)}.
 * The byte-level faults work on any version.
 *
 * <p>Thread-safe.
 */
public final class FaultProxy implements AutoCloseable {

  /** The proxy-wide faults of one direction: what every new connection starts with. */
  record Template(Duration delay, boolean stalled, long resetAfter, long corruptAt, boolean halfClosed) {
    static final Template NONE = new Template(Duration.ZERO, false, -1, -1, false);
  }

  private final ServerSocketChannel listener;
  private final InetSocketAddress address;
  private final InetSocketAddress upstreamAddress;
  private final List<ProxyLink> links = new CopyOnWriteArrayList<>();
  private final List<ProxyRule> rules = new CopyOnWriteArrayList<>();
  private final AllLinks up = new AllLinks(true);
  private final AllLinks down = new AllLinks(false);
  private final AtomicInteger accepted = new AtomicInteger();
  private final AtomicLong bytesUp = new AtomicLong();
  private final AtomicLong bytesDown = new AtomicLong();
  private final AtomicIntegerArray requestsByOpcode = new AtomicIntegerArray(256);
  private final AtomicInteger resets = new AtomicInteger();
  private volatile long lastResetNanos;
  private volatile boolean closed;

  private FaultProxy(InetSocketAddress upstream) throws IOException {
    this.upstreamAddress = Objects.requireNonNull(upstream, "upstream");
    this.listener = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    this.address = (InetSocketAddress) listener.getLocalAddress();
    Thread.ofVirtual().name("fault-proxy-acceptor-" + address.getPort()).start(this::acceptLoop);
  }

  /** Starts a proxy on an ephemeral port of 127.0.0.1 forwarding to {@code upstream}. */
  public static FaultProxy start(InetSocketAddress upstream) throws IOException {
    return new FaultProxy(upstream);
  }

  /** Where clients connect. */
  public InetSocketAddress address() {
    return address;
  }

  /** Where the proxy forwards to. */
  public InetSocketAddress upstreamAddress() {
    return upstreamAddress;
  }

  /** Client to server, on every connection (open now or later). */
  public Faults upstream() {
    return up;
  }

  /** Server to client, on every connection (open now or later). */
  public Faults downstream() {
    return down;
  }

  /** The open connections, oldest first. */
  public List<ProxyLink> connections() {
    return List.copyOf(links);
  }

  /** Connections accepted since the proxy started. */
  public int acceptedConnections() {
    return accepted.get();
  }

  /** Bytes forwarded client to server. */
  public long bytesUpstream() {
    return bytesUp.get();
  }

  /** Bytes forwarded server to client (injected late responses included). */
  public long bytesDownstream() {
    return bytesDown.get();
  }

  /** Requests with this opcode seen on v3/v4 connections (see {@code internal.protocol.Opcodes}). */
  public int requests(int opcode) {
    return requestsByOpcode.get(opcode & 0xFF);
  }

  /** Connections reset so far (by a fault or by {@link ProxyLink#reset()}). */
  public int resets() {
    return resets.get();
  }

  /** When the last reset happened, in {@link System#nanoTime()} time; 0 if none did. */
  public long lastResetNanos() {
    return lastResetNanos;
  }

  /** Reacts to the {@code nth} request with {@code opcode} from now on (1 = the next one). */
  public ProxyRule onRequest(int opcode, int nth, ProxyRule.Reaction reaction) {
    return addRule(new ProxyRule(opcode, nth, 1, reaction));
  }

  /** Reacts to each of the next {@code count} requests with {@code opcode}. */
  public ProxyRule onRequests(int opcode, int count, ProxyRule.Reaction reaction) {
    return addRule(new ProxyRule(opcode, 1, count, reaction));
  }

  private ProxyRule addRule(ProxyRule rule) {
    rules.add(rule);
    return rule;
  }

  /** Removes every rule; responses already matched still get their reaction. */
  public void clearRules() {
    rules.clear();
  }

  List<ProxyRule> rules() {
    return rules;
  }

  /** Closes every open connection (each peer reads end of stream); the proxy keeps accepting. */
  public void closeAll() {
    links.forEach(ProxyLink::close);
  }

  /** Stops accepting and closes every connection. */
  @Override
  public void close() {
    closed = true;
    try {
      listener.close();
    } catch (IOException ignored) {
      // closing a listener has nothing to report
    }
    closeAll();
  }

  private void acceptLoop() {
    while (true) {
      SocketChannel client;
      try {
        client = listener.accept();
      } catch (IOException e) {
        return; // closed
      }
      int id = accepted.incrementAndGet();
      Thread.ofVirtual().name("fault-proxy-connect-" + id).start(() -> open(id, client));
    }
  }

  private void open(int id, SocketChannel client) {
    SocketChannel server = null;
    try {
      client.setOption(StandardSocketOptions.TCP_NODELAY, true);
      server = SocketChannel.open();
      server.setOption(StandardSocketOptions.TCP_NODELAY, true);
      server.socket().connect(upstreamAddress, 5_000);
    } catch (IOException e) {
      // Nothing listens upstream: refuse the client as a closed port would (a reset).
      abort(client);
      abort(server);
      return;
    }
    ProxyLink link = new ProxyLink(this, id, client, server);
    links.add(link);
    if (closed) {
      link.close();
      return;
    }
    link.start(up.template, down.template);
  }

  private static void abort(SocketChannel channel) {
    if (channel == null) {
      return;
    }
    try {
      channel.setOption(StandardSocketOptions.SO_LINGER, 0);
    } catch (IOException ignored) {
      // not connected: a plain close will do
    }
    try {
      channel.close();
    } catch (IOException ignored) {
      // nothing left to do
    }
  }

  AtomicLong upstreamCounter() {
    return bytesUp;
  }

  AtomicLong downstreamCounter() {
    return bytesDown;
  }

  void requestSeen(int opcode) {
    requestsByOpcode.incrementAndGet(opcode & 0xFF);
  }

  void resetHappened(long nanos) {
    resets.incrementAndGet();
    lastResetNanos = nanos;
  }

  void linkClosed(ProxyLink link) {
    links.remove(link);
  }

  @Override
  public String toString() {
    return "FaultProxy[" + address + " -> " + upstreamAddress + ", " + links.size() + " open]";
  }

  /** The faults of one direction on every connection: sets each open one and the template of new ones. */
  private final class AllLinks implements Faults {
    private final boolean upstream;
    private volatile Template template = Template.NONE;

    AllLinks(boolean upstream) {
      this.upstream = upstream;
    }

    private Faults each(UnaryOperator<Template> change, Consumer<Faults> action) {
      template = change.apply(template);
      for (ProxyLink link : links) {
        action.accept(upstream ? link.upstream() : link.downstream());
      }
      return this;
    }

    @Override
    public Faults delay(Duration perChunk) {
      return each(t -> new Template(perChunk, t.stalled(), t.resetAfter(), t.corruptAt(), t.halfClosed()),
          f -> f.delay(perChunk));
    }

    @Override
    public Faults stall() {
      return each(t -> new Template(t.delay(), true, t.resetAfter(), t.corruptAt(), t.halfClosed()), Faults::stall);
    }

    @Override
    public Faults resume() {
      return each(t -> new Template(t.delay(), false, t.resetAfter(), t.corruptAt(), t.halfClosed()), Faults::resume);
    }

    @Override
    public Faults resetAfter(long bytes) {
      return each(t -> new Template(t.delay(), t.stalled(), bytes, t.corruptAt(), t.halfClosed()),
          f -> f.resetAfter(bytes));
    }

    @Override
    public Faults halfClose() {
      return each(t -> new Template(t.delay(), t.stalled(), t.resetAfter(), t.corruptAt(), true), Faults::halfClose);
    }

    @Override
    public Faults corruptAt(long offset) {
      return each(t -> new Template(t.delay(), t.stalled(), t.resetAfter(), offset, t.halfClosed()),
          f -> f.corruptAt(offset));
    }

    @Override
    public Faults clear() {
      return each(t -> new Template(Duration.ZERO, false, -1, -1, t.halfClosed()), Faults::clear);
    }
  }
}
