package io.loomcql.internal.connection;

import io.loomcql.internal.DriverResources;
import io.loomcql.internal.jfr.ConnectionEvent;
import io.loomcql.internal.jfr.EventClasses;
import io.loomcql.internal.jfr.PoolWaitEvent;
import io.loomcql.Compression;
import io.loomcql.ProtocolVersion;
import io.loomcql.error.BusyPoolException;
import io.loomcql.error.ConnectionException;
import io.loomcql.error.DriverException;
import io.loomcql.error.OperationTimedOutException;
import io.loomcql.error.ProtocolError;
import io.loomcql.internal.protocol.Event;
import io.loomcql.internal.protocol.Frame;
import io.loomcql.internal.protocol.FrameCodec;
import io.loomcql.internal.protocol.Message;
import io.loomcql.internal.protocol.Opcodes;
import io.loomcql.internal.protocol.Request;
import io.loomcql.internal.protocol.compression.Compressor;
import io.loomcql.internal.protocol.compression.Compressors;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One TCP connection to a node, multiplexing up to {@code maxRequestsPerConnection} requests by
 * stream id. Shared by any number of caller threads.
 *
 * <p>A caller claims a stream id, registers a {@link PendingRequest} in the slot of that id,
 * hands it to the {@link FrameWriter} and parks until the {@link FrameReader} completes it. When
 * every id is taken the request joins the {@link IdBacklog} instead, and the thread that next
 * frees an id sends it. No lock is held anywhere on this path, so it never pins a carrier thread.
 *
 * <p>Who frees a stream id: the caller, once it has its answer; in every other case (a late
 * answer to a request that timed out, a request the writer dropped, a connection closing), the
 * thread that empties the id's slot. Exactly one of them does, so an id is never freed twice.
 */
public final class Connection implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Connection.class);
  private static final AtomicInteger IDS = new AtomicInteger();

  static {
    EventClasses.initialize(); // here, once, not by the first requests that record one at the same time
  }

  private final InetSocketAddress address;
  private final ProtocolVersion version;
  private final CountingTransport transport;
  private final StreamIds streamIds;
  private final IdBacklog backlog = new IdBacklog();
  private final AtomicReferenceArray<PendingRequest> slots;
  private final AtomicInteger orphans = new AtomicInteger();
  private final AtomicReference<Throwable> closedCause = new AtomicReference<>();
  private final FrameWriter writer;
  private final DeadlineSweeper sweeper;
  private final String name;
  private final int maxBodyLength;
  private final ConnectionConfig config;
  private volatile boolean draining;
  private final Heartbeat heartbeat;
  private final StrayResponses strayResponses;
  private volatile Runnable closeListener;
  private volatile Consumer<Event> eventListener;
  private volatile String keyspace;
  private volatile Compression wireCompression = Compression.NONE;
  private volatile Compressor bodyCompressor; // v3/v4 responses, once compression is asked for
  private final ResponseFrame bareVoid;
  private volatile boolean startupAccepted;

  private Connection(InetSocketAddress address, Transport socket, ConnectionConfig config) {
    CountingTransport transport = new CountingTransport(socket);
    this.address = address;
    this.version = config.version();
    this.transport = transport;
    this.streamIds = new StreamIds(config.maxRequestsPerConnection());
    this.slots = new AtomicReferenceArray<>(config.maxRequestsPerConnection());
    this.name = "loomcql-" + IDS.incrementAndGet() + "-" + address.getAddress().getHostAddress() + ":" + address.getPort();
    DriverResources.connectionOpened();
    ConnectionEvent.emit(name, address.toString(), "opened", null);
    this.maxBodyLength = config.maxFrameBodyLength();
    this.bareVoid = ResponseFrame.bareVoid(version, this);
    this.config = config;
    this.heartbeat = new Heartbeat(this, config.heartbeatInterval(), config.heartbeatTimeout());
    this.strayResponses = new StrayResponses(address, name);
    this.sweeper = new DeadlineSweeper(this, slots, streamIds, backlog);
    this.writer = new FrameWriter(this, transport, version);
    writer.start(name + "-writer");
    sweeper.start(name + "-deadlines");
    new FrameReader(this, transport, version, config.maxFrameBodyLength()).start(name + "-reader");
  }

  /**
   * Opens a TCP connection, runs the TLS handshake if {@link ConnectionConfig#ssl()} is set (within
   * the connect timeout, counted again from the TCP connect), and starts the reader and writer;
   * the protocol handshake is the caller's next step ({@link Handshake}).
   */
  public static Connection open(InetSocketAddress address, ConnectionConfig config) {
    FrameCodec.initializeMessageClasses();
    SocketChannel channel = null;
    try {
      channel = SocketChannel.open();
      channel.setOption(StandardSocketOptions.TCP_NODELAY, config.tcpNoDelay());
      channel.setOption(StandardSocketOptions.SO_KEEPALIVE, config.keepAlive());
      if (config.sendBufferSize() > 0) {
        channel.setOption(StandardSocketOptions.SO_SNDBUF, config.sendBufferSize());
      }
      if (config.receiveBufferSize() > 0) {
        channel.setOption(StandardSocketOptions.SO_RCVBUF, config.receiveBufferSize());
      }
      // The socket adaptor is the only blocking connect with a timeout in the JDK.
      channel.socket().connect(address, (int) Math.max(1, config.connectTimeout().toMillis()));
      Transport transport =
          config.ssl() == null
              ? new PlainTransport(channel)
              : TlsTransport.connect(channel, address, config.ssl(), config.connectTimeout());
      return new Connection(address, transport, config);
    } catch (SSLException e) {
      closeQuietly(channel);
      throw new ConnectionException(address, "TLS handshake failed: " + e.getMessage(), e);
    } catch (IOException e) {
      closeQuietly(channel);
      throw new ConnectionException(address, "cannot connect: " + e, e);
    }
  }

  public InetSocketAddress address() {
    return address;
  }

  public ProtocolVersion version() {
    return version;
  }

  public boolean isOpen() {
    return closedCause.get() == null;
  }

  /** Closed by the driver itself (close(), or drained of orphans), not broken by the node or network. */
  public boolean closedByDriver() {
    return closedCause.get() instanceof ClosedByUser;
  }

  /** Open and not draining: a pool may send new requests on it. */
  public boolean isUsable() {
    return !draining && closedCause.get() == null;
  }

  /** Requests still waiting for an answer that someone waits for: in flight minus orphans. */
  private int liveRequests() {
    return streamIds.inUse() - orphans.get();
  }

  /** Bytes written to the socket so far. */
  public long bytesSent() {
    return transport.sent();
  }

  /** Bytes read from the socket so far. */
  public long bytesReceived() {
    return transport.received();
  }

  /** Requests holding a stream id: in flight plus orphaned. */
  public int inFlight() {
    return streamIds.inUse();
  }

  /** Requests waiting for a stream id in the backlog. */
  int waitingForId() {
    return backlog.waiting();
  }

  /** Requests whose caller gave up while their response is still due. */
  public int orphans() {
    return orphans.get();
  }

  public int capacity() {
    return streamIds.capacity();
  }

  /**
   * Called by the handshake before STARTUP: the compression STARTUP asks for. The reader and
   * writer switch to it once STARTUP is accepted.
   */
  void requestCompression(Compression compression) {
    this.wireCompression = compression;
    if (version.code() < 5) {
      this.bodyCompressor = Compressors.forBody(compression);
    }
  }

  Compression wireCompression() {
    return wireCompression;
  }

  /** Called by the handshake once the node answered STARTUP: later frames use the negotiated format. */
  void acceptStartup() {
    startupAccepted = true;
  }

  boolean startupAccepted() {
    return startupAccepted;
  }

  /** The keyspace this connection's USE last set, or null. */
  public String keyspace() {
    return keyspace;
  }

  public void keyspace(String keyspace) {
    this.keyspace = keyspace;
  }

  /** Sends a request and decodes its response, both bounded by {@code deadlineNanos}. */
  public Frame request(Request message, long deadlineNanos) {
    return send(message, false, Map.of(), deadlineNanos).decode();
  }

  /**
   * Sends a request and waits, on the calling thread, for its raw response.
   *
   * @throws OperationTimedOutException if no stream id freed or no response came by the deadline
   * @throws ConnectionException if the connection is or becomes unusable
   */
  public ResponseFrame send(Request message, boolean tracing, Map<String, ByteBuffer> payload, long deadlineNanos) {
    return send(message, tracing, payload, deadlineNanos, true);
  }

  /**
   * Like {@link #send(Request, boolean, Map, long)}, but with {@code waitForId} false a request that
   * finds every stream id taken is not sent and null comes back, so that the caller may try
   * another node first.
   */
  public ResponseFrame send(
      Request message, boolean tracing, Map<String, ByteBuffer> payload, long deadlineNanos, boolean waitForId) {
    checkOpen();
    int id = streamIds.acquireNow();
    if (id < 0 && !waitForId) {
      return null;
    }
    PendingRequest request = new PendingRequest(id, tracing, customPayload(payload), message, Thread.currentThread(),
        deadlineNanos);
    PoolWaitEvent waitEvent = null;
    if (id >= 0) {
      dispatch(request, id);
    } else {
      waitEvent = new PoolWaitEvent();
      waitEvent.begin();
      joinBacklog(request);
    }
    sweeper.watch();
    Object outcome = request.await();
    if (waitEvent != null) {
      commit(waitEvent, request);
    }
    if (outcome instanceof ResponseFrame response) {
      // The reader emptied the slot but left the id to this thread: one contended update less on
      // the reader, which is the one thread every answer of the connection goes through.
      freeId(request.streamId);
      return response;
    }
    if (request.streamId < 0 && !(outcome instanceof Throwable)) {
      // Gave up in the backlog: nothing was sent, so no answer is owed.
      if (outcome == PendingRequest.INTERRUPTED) {
        throw new DriverException("interrupted while waiting for a free stream id on " + name);
      }
      checkOpen();
      // Measured in sweeper ticks, not read from the clock: every request on a saturated connection
      // comes this way, and only those that time out need the figure.
      Duration waited = Duration.ofNanos(backlog.ticksWaited(request) * DeadlineSweeper.TICK_NANOS);
      throw new BusyPoolException(address, streamIds.capacity(), waited);
    }
    if (outcome == PendingRequest.TIMED_OUT || outcome == PendingRequest.INTERRUPTED) {
      if (orphans.incrementAndGet() > config.maxOrphans() && !draining) {
        // Too many answers owed to nobody: stop taking requests, close once the live ones finish.
        draining = true;
        LOG.info("[{}] {} requests timed out without an answer; closing this connection once its live requests finish",
            name, orphans.get());
        closeIfDrained();
      }
      if (outcome == PendingRequest.INTERRUPTED) {
        throw new DriverException("interrupted while waiting for a response from " + address);
      }
      throw new OperationTimedOutException("[" + address + "] timed out waiting for a response on " + name);
    }
    Throwable failure = (Throwable) outcome;
    if (failure instanceof ConnectionException) { // rethrown with this caller's stack
      if (!request.handedToSocket) {
        throw new RequestNotSentException(address, failure.getMessage(), failure);
      }
      throw new ConnectionException(address, failure.getMessage(), failure);
    }
    // The writer could not encode this request: the connection is fine, the request is not.
    throw new IllegalArgumentException("cannot send " + message.getClass().getSimpleName() + ": " + failure.getMessage(), failure);
  }

  /** Puts a request that holds stream id {@code id} in its slot and queues it for the writer. */
  private void dispatch(PendingRequest request, int id) {
    slots.set(id, request);
    Throwable closed = closedCause.get();
    if (closed != null) {
      request.fail(closedException(closed)); // the sweep in defunct() may have missed this slot
      if (slots.compareAndSet(id, request, null)) {
        streamIds.release(id); // not freeId: the backlog of a closed connection only fails
      }
    } else {
      writer.enqueue(request);
    }
  }

  /** Every id is taken: the request waits in the backlog until a thread that frees one sends it. */
  private void joinBacklog(PendingRequest request) {
    backlog.add(request);
    if (failBacklogIfClosed()) { // defunct() may have failed the backlog before the add
      return;
    }
    // An id freed between the failed claim and the add went back to the pool, as the backlog looked
    // empty then: take it, and hand it to the request whose turn it is (most likely this one).
    handFreeIdsToBacklog();
  }

  /**
   * Called by the {@link DeadlineSweeper} after each {@link IdBacklog#sweep}, which may have moved
   * young requests to the overdue stack. While they were moved they were in neither stack: a
   * {@link #defunct} may have failed the backlog without them, or a thread freeing an id may have
   * found the backlog empty and returned the id to the pool. Fails them, or hands them free ids.
   */
  void afterBacklogSweep() {
    if (!failBacklogIfClosed()) {
      handFreeIdsToBacklog();
    }
  }

  /** Hands ids that sit in the pool to requests in the backlog, while both exist. */
  private void handFreeIdsToBacklog() {
    int id;
    while (!backlog.isEmpty() && (id = streamIds.acquireNow()) >= 0) {
      freeId(id);
    }
  }

  /**
   * Fails the requests in the backlog if the connection is closed (called after adding to it,
   * which may have happened after {@link #defunct} failed the backlog).
   *
   * @return whether the connection is closed
   */
  private boolean failBacklogIfClosed() {
    Throwable closed = closedCause.get();
    if (closed == null) {
      return false;
    }
    backlog.failAll(closedException(closed));
    return true;
  }

  private void commit(PoolWaitEvent event, PendingRequest request) {
    event.end();
    if (event.shouldCommit()) {
      event.connection = name;
      event.acquired = request.streamId >= 0;
      event.commit();
    }
  }

  /** What a Frame would keep of a custom payload: an unmodifiable copy (it may hold null values). */
  private static Map<String, ByteBuffer> customPayload(Map<String, ByteBuffer> payload) {
    return payload == null || payload.isEmpty()
        ? Map.of()
        : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(payload));
  }

  /**
   * Takes a stream id without sending anything (a slot reserved by hand through the public pool
   * API), waiting up to the timeout.
   *
   * @throws BusyPoolException if none frees in time
   */
  public int reserve(Duration timeout) {
    checkOpen();
    try {
      sweeper.watch();
      int id = streamIds.acquire(System.nanoTime() + timeout.toNanos());
      if (id < 0) {
        checkOpen();
        throw new BusyPoolException(address, streamIds.capacity(), timeout);
      }
      return id;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DriverException("interrupted while reserving a stream id on " + name);
    }
  }

  /** Gives back a stream id taken by {@link #reserve}. */
  public void unreserve(int id) {
    streamIds.release(id);
  }

  /**
   * Called by the reader for each frame: completes the waiter of its stream id. A response no
   * request waits for goes to {@link StrayResponses}; an EVENT on a non-negative stream id, which
   * only requests use, closes the connection.
   *
   * @throws ProtocolError to the reader, which then closes the connection
   */
  void onFrame(int id, ResponseFrame frame) {
    if (id < 0) {
      onEvent(id, frame);
      return;
    }
    if (frame.opcode() == Opcodes.EVENT) {
      throw new ProtocolError(address, "EVENT on stream " + id + " of " + name
          + "; events come on negative stream ids only");
    }
    PendingRequest request = id < slots.length() ? slots.getAndSet(id, null) : null;
    if (request == null) {
      if (closedCause.get() != null) {
        // Torn down by another thread (the writer saw the reset first) while this reader still
        // had whole frames in its buffer: their requests have failed already; nothing is wrong.
        LOG.debug("[{}] dropping a response on stream {} of a closed connection", name, id);
        return;
      }
      strayResponses.drop(id, frame);
      return;
    }
    if (!request.complete(frame)) {
      // The late answer of an abandoned request: nobody waits, so the id is freed here. (A
      // completed request's caller frees its id itself, in send.)
      orphans.decrementAndGet();
      freeId(id);
    }
  }

  /**
   * An event pushed on stream -1 (only to a connection that sent REGISTER). Decoded here, on the
   * reader, because it is small and rare; the listener must only hand it over, never block.
   */
  private void onEvent(int id, ResponseFrame frame) {
    Consumer<Event> listener = eventListener;
    if (listener == null || frame.opcode() != Opcodes.EVENT) {
      LOG.debug("[{}] ignoring frame on stream {} (opcode 0x{})", name, id, Integer.toHexString(frame.opcode()));
      return;
    }
    Message message = frame.decode().message();
    if (message instanceof Event event) {
      listener.accept(event);
    }
  }

  /** What this connection does with responses no request waits for (tests read and tune it). */
  StrayResponses strayResponses() {
    return strayResponses;
  }

  /** Receives the server's events once REGISTER was sent on this connection. */
  public void onEvent(Consumer<Event> listener) {
    this.eventListener = listener;
  }

  private void closeIfDrained() {
    if (liveRequests() <= 0) {
      defunct(new ClosedByUser());
    }
  }

  /** Called by the reader after a read that brought whole answers to requests (see {@link Heartbeat}). */
  void answersArrived() {
    heartbeat.answersArrived();
  }

  /** Starts the idle heartbeat, once the handshake is done. */
  void startHeartbeat() {
    heartbeat.start(name + "-heartbeat");
  }

  /**
   * Frees the id of a request whose slot this thread emptied (or whose answer it took): hands it to
   * the backlog request whose turn it is ({@link IdBacklog#handOver}) and queues that one for the
   * writer, or else returns it to the pool. Closes a draining connection once its last live request
   * is done.
   */
  private void freeId(int id) {
    PendingRequest waiting = backlog.handOverOrRelease(id, streamIds);
    if (waiting != null) {
      dispatch(waiting, waiting.streamId);
    }
    if (draining) {
      closeIfDrained();
    }
  }

  /** Called by the writer for a request it will not write: abandoned already, or not encodable. */
  void dropUnwritten(PendingRequest request, RuntimeException encodingError) {
    if (slots.compareAndSet(request.streamId, request, null)) {
      if (encodingError != null) {
        request.fail(encodingError);
      } else {
        orphans.decrementAndGet();
      }
      freeId(request.streamId);
    }
  }

  /** Marks the connection unusable and fails everything in flight on it, each request once. */
  void defunct(Throwable cause) {
    if (!closedCause.compareAndSet(null, cause)) {
      return;
    }
    DriverResources.connectionClosed();
    if (!(cause instanceof ClosedByUser)) {
      LOG.debug("[{}] connection defunct: {}", name, cause.toString());
    }
    ConnectionEvent.emit(name, address.toString(), cause instanceof ClosedByUser ? "closed" : "defunct",
        cause instanceof ClosedByUser ? null : cause.toString());
    transport.close();
    ConnectionException failure = closedException(cause);
    for (int id = 0; id < slots.length(); id++) {
      PendingRequest request = slots.getAndSet(id, null);
      if (request != null) {
        request.fail(failure);
        streamIds.release(id); // no answer can come any more; whoever empties the slot frees the id
      }
    }
    orphans.set(0);
    backlog.failAll(failure); // none of them was sent
    streamIds.close(); // callers reserving an id: it would come from a closed connection
    DriverResources.connectionClosed(name, streamIds::inUse);
    writer.wake();
    sweeper.stop();
    heartbeat.stop();
    Runnable listener = closeListener;
    if (listener != null) {
      listener.run();
    }
  }

  /**
   * Decompresses a v3/v4 response body on the decoding caller's thread. A body that does not
   * decompress closes this connection ({@link #closeOnCorruptBody}).
   */
  ByteBuffer decompress(ByteBuffer body) {
    Compressor compressor = bodyCompressor;
    if (compressor == null) {
      throw new ProtocolError("compressed frame on a connection without compression");
    }
    try {
      return compressor.decompress(body, maxBodyLength);
    } catch (ProtocolError e) {
      throw closeOnCorruptBody(e);
    }
  }

  /** The bare Void answer every request on this connection shares (see {@link ResponseFrame}). */
  ResponseFrame bareVoid() {
    return bareVoid;
  }

  /**
   * Called by whoever decodes a response whose compressed body does not decompress: closes the
   * connection, failing everything else in flight on it, and returns the error for that caller.
   */
  ConnectionException closeOnCorruptBody(ProtocolError cause) {
    defunct(cause);
    return closedException(cause);
  }

  /** Runs once when the connection closes for any reason (on the thread that closed it). */
  public void onClose(Runnable listener) {
    this.closeListener = listener;
    if (!isOpen()) {
      listener.run();
    }
  }

  @Override
  public void close() {
    defunct(new ClosedByUser());
  }

  private void checkOpen() {
    Throwable closed = closedCause.get();
    if (closed != null) {
      ConnectionException cause = closedException(closed);
      throw new RequestNotSentException(address, cause.getMessage(), cause.getCause());
    }
  }

  private ConnectionException closedException(Throwable cause) {
    String reason = cause instanceof ClosedByUser ? "connection closed" : "connection broken: " + cause;
    return new ConnectionException(address, reason + " (" + name + ")", cause instanceof ClosedByUser ? null : cause);
  }

  private static void closeQuietly(SocketChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // nothing left to do with a socket that fails to close
      }
    }
  }

  @Override
  public String toString() {
    return name;
  }

  /** The cause recorded when the driver itself closes a connection. */
  private static final class ClosedByUser extends Exception {
    private static final long serialVersionUID = 1L;

    ClosedByUser() {
      super("closed by the driver", null, false, false);
    }
  }
}
