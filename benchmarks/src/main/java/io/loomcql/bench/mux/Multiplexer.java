package io.loomcql.bench.mux;

import io.loomcql.ConsistencyLevel;
import io.loomcql.ProtocolVersion;
import io.loomcql.bench.Workload;
import io.loomcql.internal.protocol.Frame;
import io.loomcql.internal.protocol.FrameCodec;
import io.loomcql.internal.protocol.FrameHeader;
import io.loomcql.internal.protocol.Opcodes;
import io.loomcql.internal.protocol.Prepare;
import io.loomcql.internal.protocol.PreparedResult;
import io.loomcql.internal.protocol.Ready;
import io.loomcql.internal.protocol.Request;
import io.loomcql.internal.protocol.Startup;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * The physical limit: the least a client can do per request over one protocol v4 connection.
 * Callers (virtual threads) take a stream id, queue their request and park; one writer thread
 * drains the queue, encodes every queued EXECUTE straight into one buffer and writes it with one
 * call; one reader thread reads, finds each answer's stream id and unparks its caller. Nothing is
 * decoded beyond the frame header: the result is the answer's body length.
 *
 * <p>Thread-safe for callers; the writer and reader threads own their buffers.
 */
public final class Multiplexer implements AutoCloseable {
  private static final int MAX_STREAMS = 32768;

  /** One stream id's request and answer; reused, never allocated per request. */
  private static final class Slot {
    final int streamId;
    long key;
    volatile Thread waiter;
    volatile int answer; // body length, or -1 while pending

    Slot(int streamId) {
      this.streamId = streamId;
    }
  }

  private final SocketChannel channel;
  private final Slot[] slots;
  private final Semaphore available;
  private final AtomicLongArray usedIds;
  private final ConcurrentLinkedQueue<Slot> queue = new ConcurrentLinkedQueue<>();
  private final Thread writer;
  private final Thread reader;
  private volatile boolean writerParked;
  private volatile boolean closed;
  private ByteBuffer preparedId;
  private int boundValues;
  private boolean skipMetadata;

  public Multiplexer(InetSocketAddress address, int maxInFlight, boolean platformThreads) throws IOException {
    int streams = Math.min(maxInFlight, MAX_STREAMS);
    channel = SocketChannel.open(address);
    channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
    slots = new Slot[streams];
    for (int i = 0; i < streams; i++) {
      slots[i] = new Slot(i);
    }
    available = new Semaphore(streams);
    usedIds = new AtomicLongArray((streams + 63) / 64);
    if (!(blockingRequest(new Startup(Map.of("CQL_VERSION", "3.0.0"))).message() instanceof Ready)) {
      throw new IOException("STARTUP not answered with READY");
    }
    Thread.Builder builder = platformThreads ? Thread.ofPlatform().daemon() : Thread.ofVirtual();
    writer = builder.name("mux-writer").unstarted(this::writeLoop);
    reader = builder.name("mux-reader").unstarted(this::readLoop);
  }

  /** Prepares the statement (before {@link #start}) and keeps its id for every EXECUTE. */
  public void prepare(Workload workload) throws IOException {
    Frame answer = blockingRequest(new Prepare(workload.cql, null));
    if (!(answer.message() instanceof PreparedResult prepared)) {
      throw new IOException("PREPARE answered " + answer.message());
    }
    preparedId = prepared.id();
    boundValues = workload.boundValues;
    skipMetadata = !workload.columns.isEmpty();
  }

  public void start() {
    writer.start();
    reader.start();
  }

  /** One EXECUTE of the prepared statement with the key's values; returns the answer's body length. */
  public int execute(long key) throws InterruptedException {
    available.acquire();
    Slot slot = slots[takeId()];
    slot.key = key;
    slot.answer = -1;
    slot.waiter = Thread.currentThread();
    queue.offer(slot);
    if (writerParked) {
      LockSupport.unpark(writer);
    }
    int answer;
    while ((answer = slot.answer) < 0) {
      LockSupport.park(this);
    }
    releaseId(slot.streamId);
    available.release();
    return answer;
  }

  private int takeId() {
    int words = usedIds.length();
    int start = (int) (Thread.currentThread().threadId() % words);
    while (true) {
      for (int n = 0; n < words; n++) {
        int w = (start + n) % words;
        long used = usedIds.get(w);
        long free = ~used;
        if (free == 0) {
          continue;
        }
        int bit = Long.numberOfTrailingZeros(free);
        int id = w * 64 + bit;
        if (id >= slots.length) {
          continue;
        }
        if (usedIds.compareAndSet(w, used, used | (1L << bit))) {
          return id;
        }
        n--; // lost a race on this word: look at it again
      }
    }
  }

  private void releaseId(int id) {
    int w = id / 64;
    long mask = 1L << (id % 64);
    long used;
    do {
      used = usedIds.get(w);
    } while (!usedIds.compareAndSet(w, used, used & ~mask));
  }

  private void writeLoop() {
    ByteBuffer out = ByteBuffer.allocateDirect(1 << 20);
    int frameSize = FrameHeader.SIZE + 2 + preparedId.remaining() + 2 + 1 + 2 + boundValues * 12;
    try {
      while (!closed) {
        Slot slot = queue.poll();
        if (slot == null) {
          if (out.position() > 0) {
            flush(out);
            continue; // look again before parking: callers may have queued meanwhile
          }
          writerParked = true;
          if (queue.isEmpty()) {
            LockSupport.park(this);
          }
          writerParked = false;
          continue;
        }
        if (out.remaining() < frameSize) {
          flush(out);
        }
        encodeExecute(slot, out);
      }
    } catch (IOException e) {
      if (!closed) {
        System.err.println("mux writer: " + e);
      }
    }
  }

  private void encodeExecute(Slot slot, ByteBuffer out) {
    int start = out.position();
    out.put((byte) 4).put((byte) 0).putShort((short) slot.streamId).put((byte) Opcodes.EXECUTE).putInt(0);
    out.putShort((short) preparedId.remaining()).put(preparedId.duplicate());
    out.putShort((short) ConsistencyLevel.ONE.code());
    out.put((byte) (skipMetadata ? 0x03 : 0x01)); // VALUES (| SKIP_METADATA)
    out.putShort((short) boundValues);
    for (int i = 0; i < boundValues; i++) {
      out.putInt(8).putLong(slot.key + i);
    }
    out.putInt(start + 5, out.position() - start - FrameHeader.SIZE);
  }

  private void flush(ByteBuffer out) throws IOException {
    out.flip();
    while (out.hasRemaining()) {
      channel.write(out);
    }
    out.clear();
  }

  private void readLoop() {
    ByteBuffer in = ByteBuffer.allocateDirect(1 << 20);
    try {
      while (channel.read(in) >= 0) {
        in.flip();
        while (in.remaining() >= FrameHeader.SIZE) {
          int start = in.position();
          int length = in.getInt(start + 5);
          if (in.remaining() < FrameHeader.SIZE + length) {
            break;
          }
          Slot slot = slots[in.getShort(start + 2)];
          Thread waiter = slot.waiter;
          slot.answer = length;
          LockSupport.unpark(waiter);
          in.position(start + FrameHeader.SIZE + length);
        }
        in.compact();
      }
    } catch (IOException e) {
      if (!closed) {
        System.err.println("mux reader: " + e);
      }
    }
  }

  /** Before {@link #start}: one request and its answer, with the driver's codecs, on stream 0. */
  private Frame blockingRequest(Request request) throws IOException {
    Frame frame = Frame.of(ProtocolVersion.V4, 0, request);
    ByteBuffer out = ByteBuffer.allocate(FrameCodec.encodedSize(frame));
    FrameCodec.encode(frame, out);
    out.flip();
    while (out.hasRemaining()) {
      channel.write(out);
    }
    ByteBuffer header = ByteBuffer.allocate(FrameHeader.SIZE);
    readFully(header);
    ByteBuffer whole = ByteBuffer.allocate(FrameHeader.SIZE + header.getInt(5));
    whole.put(header.flip());
    readFully(whole);
    return FrameCodec.decode(whole.flip(), true, Integer.MAX_VALUE);
  }

  private void readFully(ByteBuffer buffer) throws IOException {
    while (buffer.hasRemaining()) {
      if (channel.read(buffer) < 0) {
        throw new IOException("closed by the server");
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      channel.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    LockSupport.unpark(writer);
  }
}
