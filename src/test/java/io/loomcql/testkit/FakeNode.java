package io.loomcql.testkit;

import io.loomcql.ColumnDefinition;
import io.loomcql.Compression;
import io.loomcql.ProtocolVersion;
import io.loomcql.internal.protocol.ErrorCodes;
import io.loomcql.internal.protocol.ErrorDetails;
import io.loomcql.internal.protocol.ErrorResponse;
import io.loomcql.internal.protocol.Event;
import io.loomcql.internal.protocol.Frame;
import io.loomcql.internal.protocol.FrameCodec;
import io.loomcql.internal.protocol.FrameHeader;
import io.loomcql.internal.protocol.Execute;
import io.loomcql.internal.protocol.Options;
import io.loomcql.internal.protocol.Prepare;
import io.loomcql.internal.protocol.PreparedMetadata;
import io.loomcql.internal.protocol.PreparedResult;
import io.loomcql.internal.protocol.Query;
import io.loomcql.internal.protocol.Ready;
import io.loomcql.internal.protocol.Register;
import io.loomcql.internal.protocol.Response;
import io.loomcql.internal.protocol.RowsMetadata;
import io.loomcql.internal.protocol.RowsResult;
import io.loomcql.internal.protocol.Startup;
import io.loomcql.internal.protocol.Supported;
import io.loomcql.internal.protocol.compression.Compressor;
import io.loomcql.internal.protocol.compression.Compressors;
import io.loomcql.internal.protocol.compression.Lz4Block;
import io.loomcql.internal.protocol.segment.EnvelopeAssembler;
import io.loomcql.internal.protocol.segment.Segment;
import io.loomcql.internal.protocol.segment.SegmentDecoder;
import io.loomcql.internal.protocol.segment.SegmentFormat;
import io.loomcql.type.DataType;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A fake CQL node on 127.0.0.1 for what a real node cannot be made to do on demand: answer late,
 * never answer, or drop the connection mid-request. It speaks protocol v4 through the driver's
 * own codecs, with LZ4 if STARTUP asks for it, and v5 (segments, LZ4 or not) once {@link
 * #speakV5} is on. STARTUP, OPTIONS, REGISTER and PREPARE are answered; every QUERY, and every EXECUTE
 * of a statement it prepared (as a QUERY of the prepared text), goes to the {@link Behavior}.
 */
public final class FakeNode implements AutoCloseable {

  /** Decides what happens to a QUERY; the default echoes the query text in a one-row result. */
  @FunctionalInterface
  public interface Behavior {
    void onQuery(Query query, Frame request, Peer peer) throws IOException;
  }

  /** The server side of one connection. Thread-safe: replies may come from any thread. */
  public static final class Peer {
    private final SocketChannel channel;
    private final ReentrantLock writeLock = new ReentrantLock();
    private volatile ProtocolVersion version = ProtocolVersion.V4;
    private volatile Compressor bodyCompressor; // v4 with compression: requests may come compressed
    private volatile Lz4Block segmentLz4; // v5 with LZ4
    private volatile boolean framed; // v5 after READY: both ways in segments
    // Read side, used by the connection's serving thread only.
    private SegmentDecoder segments;
    private EnvelopeAssembler envelopes;

    Peer(SocketChannel channel) {
      this.channel = channel;
    }

    /** The version of the STARTUP this connection was opened with (v4 until then). */
    public ProtocolVersion version() {
      return version;
    }

    public void reply(Frame request, Response response) throws IOException {
      send(Frame.of(request.version(), request.streamId(), response));
    }

    /** Replies with server warnings in the frame (v4 and later). */
    public void replyWithWarnings(Frame request, Response response, List<String> warnings) throws IOException {
      send(new Frame(request.version(), request.streamId(), false, null, warnings, null, response));
    }

    void send(Frame frame) throws IOException {
      ByteBuffer out = ByteBuffer.allocate(FrameCodec.encodedSize(frame));
      FrameCodec.encode(frame, out);
      out.flip();
      if (framed) {
        out = segmented(out, segmentLz4);
      }
      writeLock.lock();
      try {
        while (out.hasRemaining()) {
          channel.write(out);
        }
      } finally {
        writeLock.unlock();
      }
    }

    /** Writes the first {@code bytes} bytes of the reply, then resets the connection (TCP RST). */
    public void resetAfter(Frame request, Response response, int bytes) throws IOException {
      ByteBuffer out = encode(Frame.of(request.version(), request.streamId(), response));
      out.limit(Math.min(out.limit(), bytes));
      writeLock.lock();
      try {
        while (out.hasRemaining()) {
          channel.write(out);
        }
        channel.setOption(java.net.StandardSocketOptions.SO_LINGER, 0); // close() now sends RST
        channel.close();
      } finally {
        writeLock.unlock();
      }
    }

    /** Writes {@code bytes} as they are: a malicious or broken node's output. */
    public void writeRaw(byte[] bytes) throws IOException {
      ByteBuffer out = ByteBuffer.wrap(bytes);
      writeLock.lock();
      try {
        while (out.hasRemaining()) {
          channel.write(out);
        }
      } finally {
        writeLock.unlock();
      }
    }

    /** The bytes {@code response} to {@code request} would be sent as. */
    public static byte[] encoded(Frame request, Response response) {
      ByteBuffer frame = encode(Frame.of(request.version(), request.streamId(), response));
      byte[] bytes = new byte[frame.remaining()];
      frame.get(bytes);
      return bytes;
    }

    /**
     * The v5 segments (uncompressed) that would carry {@code response} to {@code request}: one
     * self-contained segment for a small envelope. For a test that corrupts them before {@link
     * #writeRaw}.
     */
    public static byte[] segmented(Frame request, Response response) {
      ByteBuffer out = segmented(encode(Frame.of(request.version(), request.streamId(), response)), null);
      byte[] bytes = new byte[out.remaining()];
      out.get(bytes);
      return bytes;
    }

    /** Cuts an encoded envelope into v5 segments: one self-contained, or several parts of a large one. */
    private static ByteBuffer segmented(ByteBuffer envelope, Lz4Block lz4) {
      int size = envelope.remaining();
      if (size <= SegmentFormat.MAX_PAYLOAD_LENGTH) {
        ByteBuffer out = ByteBuffer.allocate(SegmentFormat.maxEncodedLength(size, lz4));
        SegmentFormat.encode(envelope, true, lz4, out);
        return out.flip();
      }
      int parts = (size + SegmentFormat.MAX_PAYLOAD_LENGTH - 1) / SegmentFormat.MAX_PAYLOAD_LENGTH;
      ByteBuffer out = ByteBuffer.allocate(parts * SegmentFormat.maxEncodedLength(SegmentFormat.MAX_PAYLOAD_LENGTH, lz4));
      while (envelope.hasRemaining()) {
        int length = Math.min(SegmentFormat.MAX_PAYLOAD_LENGTH, envelope.remaining());
        SegmentFormat.encode(envelope.slice(envelope.position(), length), false, lz4, out);
        envelope.position(envelope.position() + length);
      }
      return out.flip();
    }

    /** Writes bytes that are no frame at all (an unknown opcode and version). */
    public void corrupt() throws IOException {
      ByteBuffer garbage = ByteBuffer.wrap(new byte[] {(byte) 0x84, 0, 0, 1, (byte) 0x7F, 0, 0, 0, 0});
      writeLock.lock();
      try {
        while (garbage.hasRemaining()) {
          channel.write(garbage);
        }
      } finally {
        writeLock.unlock();
      }
    }

    private static ByteBuffer encode(Frame frame) {
      ByteBuffer out = ByteBuffer.allocate(FrameCodec.encodedSize(frame));
      FrameCodec.encode(frame, out);
      return out.flip();
    }

    /** Replies after a delay, from another thread, without holding up the connection. */
    public void replyLater(Frame request, Response response, long delayMillis) {
      Thread.startVirtualThread(
          () -> {
            try {
              Thread.sleep(delayMillis);
              reply(request, response);
            } catch (IOException | InterruptedException ignored) {
              // the client went away; nothing to answer
            }
          });
    }

    public void close() throws IOException {
      channel.close();
    }
  }

  private final ServerSocketChannel server;
  private final Set<SocketChannel> clients = ConcurrentHashMap.newKeySet();
  private final Set<Peer> registered = ConcurrentHashMap.newKeySet();
  private volatile Behavior behavior = FakeNode::echo;
  private volatile boolean silent;
  private volatile boolean closing;
  private volatile boolean notReading;
  private volatile boolean speaksV5;
  private volatile List<FakeNode> peers = List.of();
  private volatile List<SimulatedPeer> simulatedPeers = List.of();
  private volatile Map<String, Map<String, String>> keyspaces = Map.of();
  private volatile java.util.UUID hostId;
  private final InetSocketAddress address;
  private volatile java.util.UUID schemaVersion = SystemTables.SCHEMA_VERSION;
  private final java.util.concurrent.atomic.AtomicInteger systemReads = new java.util.concurrent.atomic.AtomicInteger();
  private final java.util.concurrent.atomic.AtomicInteger queries = new java.util.concurrent.atomic.AtomicInteger();
  private final java.util.concurrent.atomic.AtomicInteger accepted = new java.util.concurrent.atomic.AtomicInteger();
  private final java.util.concurrent.atomic.AtomicInteger prepares = new java.util.concurrent.atomic.AtomicInteger();
  private final java.util.concurrent.atomic.AtomicInteger preparedIdSalt = new java.util.concurrent.atomic.AtomicInteger();
  private final Map<ByteBuffer, String> prepared = new ConcurrentHashMap<>();
  private final java.util.concurrent.ConcurrentLinkedQueue<Long> acceptTimes = new java.util.concurrent.ConcurrentLinkedQueue<>();
  private final Map<ProtocolVersion, java.util.concurrent.atomic.AtomicInteger> startups = new ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.AtomicInteger v5Refusals = new java.util.concurrent.atomic.AtomicInteger();
  private static final int MAX_REQUEST = 1 << 20;

  public FakeNode() throws IOException {
    this(0);
  }

  /** A node on a given port of 127.0.0.1 (0: any free port); a "restarted" node reuses the old one's. */
  public FakeNode(int port) throws IOException {
    server = ServerSocketChannel.open()
        .setOption(java.net.StandardSocketOptions.SO_REUSEADDR, true)
        .setOption(java.net.StandardSocketOptions.SO_REUSEPORT, true) // lets an AttemptCounter share the port
        .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024); // room for a reconnection wave
    address = (InetSocketAddress) server.getLocalAddress();
    // Derived from the port: a node "restarted" on the same port is the same node to the driver.
    hostId = java.util.UUID.nameUUIDFromBytes(("fake-node:" + address.getPort()).getBytes(StandardCharsets.UTF_8));
    Thread.ofVirtual().name("fake-node-acceptor").start(this::acceptLoop);
  }

  /** Where the node listens, or listened: a closed node keeps its address, as a dead peer does. */
  public InetSocketAddress address() throws IOException {
    return address;
  }

  public void behavior(Behavior behavior) {
    this.behavior = behavior;
  }

  /** A one-row, one-column (text) result. */
  public static RowsResult textRow(String value) {
    RowsMetadata metadata = RowsMetadata.of(List.of(new ColumnDefinition("ks", "t", "value", DataType.TEXT)), null);
    return RowsResult.of(metadata, List.of(List.of(ByteBuffer.wrap(value.getBytes(StandardCharsets.UTF_8)))));
  }

  public static void echo(Query query, Frame request, Peer peer) throws IOException {
    peer.reply(request, textRow(query.query()));
  }

  private void acceptLoop() {
    try {
      while (true) {
        SocketChannel client = server.accept();
        acceptTimes.add(System.nanoTime());
        accepted.incrementAndGet();
        clients.add(client);
        if (closing) { // accepted while close() ran: it must not outlive the node
          client.close();
          continue;
        }
        Thread.ofVirtual().name("fake-node-connection").start(() -> serve(client));
      }
    } catch (IOException closed) {
      // server closed
    }
  }

  private void serve(SocketChannel client) {
    Peer peer = new Peer(client);
    ByteBuffer buffer = ByteBuffer.allocate(16 << 10); // grows to the largest frame (1 MiB): hundreds of clients stay cheap
    try {
      while (true) {
        while (notReading && !closing) {
          Thread.sleep(10);
        }
        if (!buffer.hasRemaining() && buffer.capacity() < FrameHeader.SIZE + MAX_REQUEST) {
          buffer = ByteBuffer.allocate(Math.min(buffer.capacity() * 2, FrameHeader.SIZE + MAX_REQUEST))
              .put(buffer.flip());
        }
        if (client.read(buffer) < 0) {
          break;
        }
        buffer.flip();
        while (peer.segments == null && buffer.remaining() >= FrameHeader.SIZE) {
          int length = buffer.getInt(buffer.position() + 5);
          if (buffer.remaining() < FrameHeader.SIZE + length) {
            break;
          }
          handle(decodeFrame(buffer, peer), peer); // may switch the connection to v5 segments
        }
        if (peer.segments != null) {
          Segment segment;
          while ((segment = peer.segments.next(buffer)) != null) {
            peer.envelopes.feed(segment);
            ByteBuffer envelope;
            while ((envelope = peer.envelopes.next()) != null) {
              handle(FrameCodec.decode(envelope, false, MAX_REQUEST), peer);
            }
          }
        }
        buffer.compact();
      }
    } catch (IOException | RuntimeException ignored) {
      // connection closed or broken: the test decides what that means
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      clients.remove(client);
      try {
        client.close();
      } catch (IOException ignored) {
        // already closed
      }
    }
  }

  /** A v3/v4 frame from the buffer, its body decompressed if the connection negotiated compression. */
  private static Frame decodeFrame(ByteBuffer buffer, Peer peer) {
    FrameHeader header = FrameCodec.decodeHeader(buffer, false, null, MAX_REQUEST);
    ByteBuffer body = buffer.slice(buffer.position(), header.bodyLength());
    buffer.position(buffer.position() + header.bodyLength());
    if ((header.flags() & FrameHeader.FLAG_COMPRESSED) != 0 && peer.bodyCompressor != null) {
      body = peer.bodyCompressor.decompress(body, MAX_REQUEST);
      header = new FrameHeader(header.version(), header.response(), header.flags() & ~FrameHeader.FLAG_COMPRESSED,
          header.streamId(), header.opcode(), body.remaining());
    }
    return FrameCodec.decodeBody(header, body);
  }

  /**
   * What a node that speaks only v3/v4 answers to a frame of another version: a PROTOCOL_ERROR in
   * the version it prefers (as Cassandra does), or null when the version is fine.
   */
  public static Frame unsupportedVersionReply(Frame request) {
    if (request.version() == ProtocolVersion.V4 || request.version() == ProtocolVersion.V3) {
      return null;
    }
    ErrorResponse error = new ErrorResponse(ErrorCodes.PROTOCOL_ERROR, "Invalid or unsupported protocol version ("
        + request.version().code() + "); supported versions are (3/v3, 4/v4)", ErrorDetails.None.INSTANCE);
    return Frame.of(ProtocolVersion.V4, request.streamId(), error);
  }

  /**
   * Whether this node accepts protocol v5 (then it frames everything after READY in v5 segments,
   * as Cassandra 4.0+ does). Off by default: the node speaks v3 and v4 only, like Cassandra 3.x, and
   * answers a v5 frame with "Invalid or unsupported protocol version". Turning it off later only
   * affects connections opened afterwards.
   */
  public void speakV5(boolean speaks) {
    this.speaksV5 = speaks;
  }

  /** A node that stops reading: its socket buffers fill and the client's writes stall. */
  public void stopReading(boolean stop) {
    this.notReading = stop;
  }

  /** A silent node reads every request and answers none (heartbeats included): a stalled node. */
  public void silent(boolean silent) {
    this.silent = silent;
  }

  /** Starts {@code size} fake nodes, each listing the others as its peers: a fake cluster. */
  public static List<FakeNode> cluster(int size) throws IOException {
    List<FakeNode> nodes = new java.util.ArrayList<>();
    for (int i = 0; i < size; i++) {
      nodes.add(new FakeNode());
    }
    for (FakeNode node : nodes) {
      node.peers(nodes.stream().filter(other -> other != node).toList());
    }
    return nodes;
  }

  /** The other nodes this one lists in system.peers_v2 (a fake cluster). */
  public void peers(List<FakeNode> others) {
    this.peers = List.copyOf(others);
  }

  List<FakeNode> peers() {
    return peers;
  }

  /** A node that exists only as a row of system.peers_v2: nothing listens at its address. */
  public record SimulatedPeer(InetSocketAddress address, String datacenter, String rack, java.util.UUID hostId,
      Set<String> tokens) {}

  /** Rows added to system.peers_v2 for nodes that do not run: a large fake cluster for metadata. */
  public void simulatedPeers(List<SimulatedPeer> peers) {
    this.simulatedPeers = List.copyOf(peers);
  }

  List<SimulatedPeer> simulatedPeers() {
    return simulatedPeers;
  }

  /** The keyspaces (name to replication map) this node lists in system_schema.keyspaces. */
  public void keyspaces(Map<String, Map<String, String>> keyspaces) {
    this.keyspaces = Map.copyOf(keyspaces);
  }

  java.util.UUID hostId() {
    return hostId;
  }

  /** Presents this node as {@code other} (same host id): the node moved to this address. */
  public void impersonate(FakeNode other) {
    this.hostId = other.hostId;
  }

  /** The schema version this node reports in system.local and, as a peer, in system.peers_v2. */
  public void schemaVersion(java.util.UUID version) {
    this.schemaVersion = version;
  }

  java.util.UUID schemaVersion() {
    return schemaVersion;
  }

  /** PREPARE requests received. */
  public int prepares() {
    return prepares.get();
  }

  /** Forgets every prepared statement, as a restarted node does: the next EXECUTE gets UNPREPARED. */
  public void forgetPrepared() {
    prepared.clear();
  }

  /** From now on the same query prepares to another id, as if the table it reads had changed. */
  public void changePreparedIds() {
    preparedIdSalt.incrementAndGet();
  }

  private ByteBuffer preparedId(String query) {
    try {
      byte[] digest = java.security.MessageDigest.getInstance("MD5")
          .digest((preparedIdSalt.get() + ":" + query).getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.wrap(digest);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  /** Reads of system.local and system.peers(_v2): one pair per node list refresh. */
  public int systemReads() {
    return systemReads.get();
  }

  /** Queries handled, system-table reads excluded. */
  public int queries() {
    return queries.get();
  }

  /** Connections accepted since the node started. */
  public int acceptedConnections() {
    return accepted.get();
  }

  /** When each connection was accepted ({@link System#nanoTime()}), in order. */
  public List<Long> acceptTimes() {
    return List.copyOf(acceptTimes);
  }

  private void handle(Frame request, Peer peer) throws IOException {
    if (silent) {
      return;
    }
    Frame refusal = request.version() == ProtocolVersion.V5 && speaksV5 ? null : unsupportedVersionReply(request);
    if (refusal != null) {
      v5Refusals.incrementAndGet();
      peer.send(refusal);
      return;
    }
    switch (request.message()) {
      case Startup s -> startup(request, s, peer);
      case Register r -> {
        registered.add(peer);
        peer.reply(request, Ready.INSTANCE);
      }
      case Query q when q.query().contains("FROM system_schema.keyspaces") ->
          peer.reply(request, SystemTables.keyspaces(keyspaces));
      case Query q when q.query().contains("FROM system_schema.") -> peer.reply(request, SystemTables.empty());
      case Options o ->
          peer.reply(request, new Supported(Map.of("CQL_VERSION", List.of("3.4.7"), "COMPRESSION", List.of("lz4"))));
      case Query q when SystemTables.answers(q.query()) -> {
        systemReads.incrementAndGet();
        peer.reply(request, SystemTables.answer(this, q.query()));
      }
      case Query q -> {
        queries.incrementAndGet();
        behavior.onQuery(q, request, peer);
      }
      case Prepare p -> {
        prepares.incrementAndGet();
        ByteBuffer id = preparedId(p.query());
        prepared.put(id, p.query());
        peer.reply(request, new PreparedResult(
            id, null, new PreparedMetadata(List.of(), List.of()), RowsMetadata.of(List.of(), null)));
      }
      case Execute e -> {
        String text = prepared.get(e.id());
        if (text == null) {
          peer.reply(request, new ErrorResponse(
              ErrorCodes.UNPREPARED, "Prepared query with ID " + e.id() + " not found", new ErrorDetails.Unprepared(e.id())));
        } else {
          queries.incrementAndGet();
          behavior.onQuery(new Query(text, e.options()), request, peer); // the behaviour sees the prepared text
        }
      }
      default -> throw new IOException("fake node does not handle " + request.message());
    }
  }

  /** READY, then the compression STARTUP asked for; on v5 both ways are in segments from the next byte. */
  private void startup(Frame request, Startup startup, Peer peer) throws IOException {
    boolean lz4 = "lz4".equals(startup.options().get("COMPRESSION"));
    peer.version = request.version();
    peer.reply(request, Ready.INSTANCE);
    startups.computeIfAbsent(request.version(), v -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
    if (request.version() == ProtocolVersion.V5) {
      Lz4Block block = lz4 ? Compressors.forSegments(Compression.LZ4) : null;
      peer.segmentLz4 = block;
      peer.segments = new SegmentDecoder(block);
      peer.envelopes = new EnvelopeAssembler(MAX_REQUEST);
      peer.framed = true;
    } else if (lz4) {
      peer.bodyCompressor = Compressors.forBody(Compression.LZ4);
    }
  }

  /** STARTUPs answered with READY, in {@code version}. */
  public int startups(ProtocolVersion version) {
    java.util.concurrent.atomic.AtomicInteger count = startups.get(version);
    return count == null ? 0 : count.get();
  }

  /** Frames answered with "Invalid or unsupported protocol version". */
  public int versionRefusals() {
    return v5Refusals.get();
  }

  /** Closes every connection to this node while it keeps listening: clients must reconnect. */
  public void dropConnections() throws IOException {
    for (SocketChannel client : clients) {
      client.close();
    }
  }

  /**
   * Pushes {@code event} on stream -1 to every connection that sent REGISTER (the driver's
   * control connection); connections that closed are skipped.
   *
   * @return how many connections it was sent to
   */
  public int pushEvent(Event event) {
    int sent = 0;
    for (Peer peer : registered) {
      try {
        peer.send(Frame.of(peer.version(), -1, event));
        sent++;
      } catch (IOException e) {
        registered.remove(peer);
      }
    }
    return sent;
  }

  /**
   * Writes {@code copies} of each event, back to back in one write, on stream -1 to every
   * connection that sent REGISTER: a flood, limited only by how fast the client reads.
   *
   * @return the bytes written, summed over the connections
   */
  public long pushEvents(List<? extends Event> events, int copies) {
    long written = 0;
    for (Peer peer : registered) {
      java.io.ByteArrayOutputStream batch = new java.io.ByteArrayOutputStream();
      for (int i = 0; i < copies; i++) {
        for (Event event : events) {
          ByteBuffer frame = Peer.encode(Frame.of(peer.version(), -1, event));
          batch.write(frame.array(), frame.arrayOffset() + frame.position(), frame.remaining());
        }
      }
      byte[] bytes = batch.toByteArray();
      if (peer.framed) {
        throw new IllegalStateException("pushEvents writes v3/v4 frames; this connection is on v5 segments");
      }
      try {
        peer.writeRaw(bytes);
        written += bytes.length;
      } catch (IOException e) {
        registered.remove(peer);
      }
    }
    return written;
  }

  /** Connections that registered for events and are still listed. */
  public int registeredConnections() {
    return registered.size();
  }

  /** Connections currently open to this node. */
  public int openConnections() {
    return clients.size();
  }

  @Override
  public void close() throws IOException {
    closing = true;
    server.close();
    for (SocketChannel client : clients) {
      client.close();
    }
  }

  static ProtocolVersion version() {
    return ProtocolVersion.V4;
  }
}
