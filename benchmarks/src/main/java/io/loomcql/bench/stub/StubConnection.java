package io.loomcql.bench.stub;

import io.loomcql.ProtocolVersion;
import io.loomcql.bench.Workload;
import io.loomcql.internal.protocol.ErrorCodes;
import io.loomcql.internal.protocol.ErrorDetails;
import io.loomcql.internal.protocol.ErrorResponse;
import io.loomcql.internal.protocol.Execute;
import io.loomcql.internal.protocol.Frame;
import io.loomcql.internal.protocol.FrameCodec;
import io.loomcql.internal.protocol.FrameHeader;
import io.loomcql.internal.protocol.Message;
import io.loomcql.internal.protocol.Opcodes;
import io.loomcql.internal.protocol.Options;
import io.loomcql.internal.protocol.Prepare;
import io.loomcql.internal.protocol.Query;
import io.loomcql.internal.protocol.Ready;
import io.loomcql.internal.protocol.Register;
import io.loomcql.internal.protocol.Response;
import io.loomcql.internal.protocol.SetKeyspaceResult;
import io.loomcql.internal.protocol.Startup;
import io.loomcql.internal.protocol.Supported;
import io.loomcql.internal.protocol.VoidResult;
import io.loomcql.internal.protocol.segment.EnvelopeAssembler;
import io.loomcql.internal.protocol.segment.Segment;
import io.loomcql.internal.protocol.segment.SegmentDecoder;
import io.loomcql.internal.protocol.segment.SegmentPacker;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One client connection of the stub: a thread that reads a batch of frames, answers all of them
 * into one output buffer and writes it with one call. Protocol v4 frames, or v5 segments once a
 * v5 STARTUP was answered. EXECUTE is answered from {@link CannedResponses} without decoding the
 * request; everything else is decoded with the driver's {@link FrameCodec}.
 *
 * <p>With a delay, EXECUTE answers wait in a queue that a timer thread drains at their due time
 * (the delay is constant, so the queue is in due order). The output buffer, the segment packer
 * and the socket's write side are guarded by {@code outputLock}, shared by both threads.
 */
final class StubConnection {
  private final SocketChannel channel;
  private final CannedResponses canned;
  private final long delayNanos;
  private final boolean verbose;
  private final ByteBuffer in = ByteBuffer.allocateDirect(1 << 20);
  private final ByteBuffer out = ByteBuffer.allocateDirect(4 << 20);
  private final ReentrantLock outputLock = new ReentrantLock();
  private final ConcurrentLinkedQueue<Delayed> delayed = new ConcurrentLinkedQueue<>();
  private volatile Thread timer;
  private volatile boolean closed;

  // Read side, reader thread only.
  private SegmentDecoder decoder;
  private EnvelopeAssembler assembler;
  // Write side, under outputLock.
  private SegmentPacker packer;

  private record Delayed(long dueNanos, ByteBuffer frame) {}

  StubConnection(SocketChannel channel, CannedResponses canned, long delayNanos, boolean verbose) {
    this.channel = channel;
    this.canned = canned;
    this.delayNanos = delayNanos;
    this.verbose = verbose;
  }

  void serve() {
    if (delayNanos > 0) {
      timer = Thread.ofPlatform().daemon().name("stub-timer").start(this::timerLoop);
    }
    try {
      while (channel.read(in) >= 0) {
        in.flip();
        outputLock.lock();
        try {
          if (decoder == null) {
            readFrames();
          }
          if (decoder != null) {
            readSegments();
          }
          flush();
        } finally {
          outputLock.unlock();
        }
        in.compact();
      }
    } catch (IOException | RuntimeException e) {
      if (verbose && !closed) {
        System.err.println("stub: connection ends: " + e);
      }
    } finally {
      closed = true;
      Thread t = timer;
      if (t != null) {
        LockSupport.unpark(t);
      }
      try {
        channel.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
  }

  /** v4 framing (and v5 before READY): whole frames from {@code in}; stops after a v5 READY. */
  private void readFrames() throws IOException {
    while (in.remaining() >= FrameHeader.SIZE && decoder == null) {
      int start = in.position();
      int length = in.getInt(start + 5);
      if (in.remaining() < FrameHeader.SIZE + length) {
        return;
      }
      handle(in, start, length);
      in.position(start + FrameHeader.SIZE + length);
    }
  }

  private void readSegments() throws IOException {
    Segment segment;
    while ((segment = decoder.next(in)) != null) {
      assembler.feed(segment);
      ByteBuffer envelope;
      while ((envelope = assembler.next()) != null) {
        handle(envelope, 0, envelope.getInt(5));
      }
    }
  }

  /** Answers the frame at {@code start} of {@code buffer}; does not move the buffer's position. */
  private void handle(ByteBuffer buffer, int start, int bodyLength) throws IOException {
    int version = buffer.get(start) & 0x7F;
    int streamId = buffer.getShort(start + 2);
    int opcode = buffer.get(start + 4);
    if (version != 4 && version != 5) {
      ErrorResponse error = new ErrorResponse(ErrorCodes.PROTOCOL_ERROR,
          "Invalid or unsupported protocol version (" + version + "); supported versions are (4/v4, 5/v5)",
          ErrorDetails.None.INSTANCE);
      emit(CannedResponses.encode(Frame.of(ProtocolVersion.V4, streamId, error)), streamId);
      return;
    }
    if (opcode == Opcodes.EXECUTE && executeFast(buffer, start, version, streamId)) {
      return;
    }
    ByteBuffer frame = buffer.slice(start, FrameHeader.SIZE + bodyLength);
    Frame request = FrameCodec.decode(frame, false, Integer.MAX_VALUE);
    Response response = answer(request.message(), request.version());
    emit(CannedResponses.encode(Frame.of(request.version(), streamId, response)), streamId);
    if (request.message() instanceof Startup && version == 5) {
      flush(); // READY goes out unframed; everything after it is in segments
      decoder = new SegmentDecoder(null);
      assembler = new EnvelopeAssembler(FrameCodec.DEFAULT_MAX_BODY_LENGTH);
      packer = new SegmentPacker(null);
    }
  }

  /** EXECUTE of a known prepared id: the canned answer, nothing decoded. False if the id is unknown. */
  private boolean executeFast(ByteBuffer buffer, int start, int version, int streamId) throws IOException {
    int body = start + FrameHeader.SIZE;
    int idLength = buffer.getShort(body) & 0xFFFF;
    Workload workload = CannedResponses.workloadOf(buffer, body + 2, idLength);
    if (workload == null) {
      return false;
    }
    int at = body + 2 + idLength;
    int flags;
    if (version >= 5) {
      at += 2 + (buffer.getShort(at) & 0xFFFF); // result metadata id
      flags = buffer.getInt(at + 2);
    } else {
      flags = buffer.get(at + 2);
    }
    boolean skipMetadata = (flags & 0x02) != 0;
    ByteBuffer answer = canned.executeAnswer(workload, version, skipMetadata);
    if (delayNanos > 0) {
      ByteBuffer copy = ByteBuffer.allocate(answer.remaining()).put(answer).flip();
      copy.putShort(2, (short) streamId);
      delayed.add(new Delayed(System.nanoTime() + delayNanos, copy));
      LockSupport.unpark(timer);
    } else {
      emit(answer, streamId);
    }
    return true;
  }

  private Response answer(Message message, ProtocolVersion version) {
    return switch (message) {
      case Options o -> new Supported(Map.of("CQL_VERSION", List.of("3.4.7"),
          "PROTOCOL_VERSIONS", List.of("4/v4", "5/v5"), "COMPRESSION", List.of()));
      case Startup s -> Ready.INSTANCE;
      case Register r -> Ready.INSTANCE;
      case Prepare p -> {
        Workload w = Workload.forStubQuery(p.query());
        yield w == null ? CannedResponses.invalid("the stub does not know: " + p.query())
            : CannedResponses.prepared(w, version);
      }
      case Query q -> answerQuery(q.query());
      case Execute e -> new ErrorResponse(ErrorCodes.UNPREPARED, "unknown prepared id",
          new ErrorDetails.Unprepared(e.id()));
      default -> VoidResult.INSTANCE;
    };
  }

  private Response answerQuery(String cql) {
    String q = cql.toLowerCase(Locale.ROOT);
    if (q.contains("from system.local")) {
      return CannedResponses.systemLocal(((InetSocketAddress) localAddress()).getAddress());
    }
    if (q.contains("from system.peers_v2")) {
      return CannedResponses.noPeersV2();
    }
    if (q.contains("from system.peers")) {
      return CannedResponses.systemPeers();
    }
    if (q.startsWith("use ")) {
      return new SetKeyspaceResult(cql.substring(4).trim().replace("\"", ""));
    }
    if (verbose) {
      System.err.println("stub: answering a query it does not know with an empty result: " + cql);
    }
    return q.startsWith("select") ? CannedResponses.emptyRows() : VoidResult.INSTANCE;
  }

  private Object localAddress() {
    try {
      return channel.getLocalAddress();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Appends an encoded frame (copied from {@code frame}'s position) with its stream id patched. Under outputLock. */
  private void emit(ByteBuffer frame, int streamId) throws IOException {
    int size = frame.remaining();
    ByteBuffer target;
    if (packer == null) {
      if (out.remaining() < size) {
        flush();
      }
      target = out;
    } else {
      if (!packer.fits(out, size)) {
        packer.finish(out);
        flush();
      }
      target = packer.startEnvelope(out, size);
    }
    int at = target.position();
    target.put(frame);
    target.putShort(at + 2, (short) streamId);
  }

  /** Writes what the output buffer holds. Under outputLock. */
  private void flush() throws IOException {
    if (packer != null) {
      packer.finish(out);
    }
    out.flip();
    while (out.hasRemaining()) {
      channel.write(out);
    }
    out.clear();
  }

  private void timerLoop() {
    while (!closed) {
      Delayed head = delayed.peek();
      if (head == null) {
        LockSupport.park(this);
        continue;
      }
      long wait = head.dueNanos - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(this, wait);
        continue;
      }
      outputLock.lock();
      try {
        long now = System.nanoTime();
        Delayed next;
        while ((next = delayed.peek()) != null && next.dueNanos <= now) {
          delayed.poll();
          emit(next.frame, next.frame.getShort(2));
        }
        flush();
      } catch (IOException e) {
        return;
      } finally {
        outputLock.unlock();
      }
    }
  }
}
