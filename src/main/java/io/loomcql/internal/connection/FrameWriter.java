package io.loomcql.internal.connection;

import io.loomcql.internal.DriverResources;
import io.loomcql.Compression;
import io.loomcql.ProtocolVersion;
import io.loomcql.internal.protocol.FrameCodec;
import io.loomcql.internal.protocol.FrameHeader;
import io.loomcql.internal.protocol.compression.Compressor;
import io.loomcql.internal.protocol.compression.Compressors;
import io.loomcql.internal.protocol.segment.SegmentFormat;
import io.loomcql.internal.protocol.segment.SegmentPacker;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The single writer of one connection. Callers enqueue and return to waiting; this loop (one
 * virtual thread) drains everything queued into one buffer and writes it with as few system
 * calls as the socket allows. Under load many requests share one write, which is the driver's
 * main throughput lever; at one request in flight it writes at once, without a timer.
 *
 * <p>Until STARTUP is answered frames go out as they are; from then on, as the handshake
 * negotiated: v5 envelopes packed into segments (LZ4 or not), or v3/v4 frames with compressed
 * bodies, or plain frames.
 *
 * <p>The queue is intrusive, so enqueuing allocates nothing: callers push onto a lock-free stack
 * (linked through {@link PendingRequest#next}); the writer takes the whole stack with one atomic swap
 * and reverses it, so requests go out in the order they were enqueued.
 *
 * <p>Thread-safety: {@link #enqueue} and {@link #wake} are called by any thread; everything else
 * runs on the writer thread only, so the buffer, the packer and the taken batch need no lock.
 */
final class FrameWriter implements Runnable {
  private static final int BUFFER_SIZE = 64 * 1024;
  /**
   * Yields per write at most. The writer yields before writing whenever other requests are in
   * flight (not only once a batch has begun): with two or more carriers, a writer that wrote as
   * soon as its queue looked empty chased callers running on the other carriers, writing a few
   * requests at a time and parking and being unparked between batches. Measured at 1,024 in
   * flight on two carriers: 0.55-1.0 M to 1.5 M requests/s.
   */
  private static final int MAX_YIELDS = 64;

  private final Connection connection;
  private final Transport transport;
  private final ProtocolVersion version;
  private final AtomicReference<PendingRequest> pushed = new AtomicReference<>(); // newest first
  private PendingRequest taken; // writer only: the requests taken from the stack, oldest first
  private final AtomicBoolean sleeping = new AtomicBoolean();
  private final ByteBuffer buffer;
  private volatile Thread thread;
  private boolean configured;
  private SegmentPacker packer; // v5 after STARTUP
  private Compressor bodyCompressor; // v3/v4 after STARTUP, when compression was negotiated

  FrameWriter(Connection connection, Transport transport, ProtocolVersion version) {
    this.connection = connection;
    this.transport = transport;
    this.version = version;
    int size = version.code() >= 5 ? 2 * SegmentFormat.MAX_SEGMENT_LENGTH : BUFFER_SIZE;
    this.buffer = ByteBuffer.allocateDirect(size);
  }

  void start(String name) {
    thread = DriverResources.startThread(name, this);
  }

  void enqueue(PendingRequest request) {
    PendingRequest head;
    do {
      head = pushed.get();
      request.next = head; // published by the CAS below
    } while (!pushed.compareAndSet(head, request));
    wake();
  }

  /** The oldest request not yet written, or null; writer thread only. */
  private PendingRequest poll() {
    if (taken == null && pushed.get() != null) {
      taken = PendingRequest.reverse(pushed.getAndSet(null)); // oldest first
    }
    PendingRequest request = taken;
    if (request != null) {
      taken = request.next;
      request.next = null;
    }
    return request;
  }

  void wake() {
    if (sleeping.get() && sleeping.compareAndSet(true, false)) {
      LockSupport.unpark(thread);
    }
  }

  @Override
  public void run() {
    try {
      while (connection.isOpen()) {
        PendingRequest request = poll();
        if (request == null) {
          sleeping.set(true);
          if (pushed.get() == null && connection.isOpen()) {
            LockSupport.park(this);
          }
          sleeping.set(false);
          continue;
        }
        configure();
        int batch = 0;
        int yields = 0;
        do {
          write(request);
          batch++;
          request = poll();
          if (request == null && yields < MAX_YIELDS && connection.inFlight() > batch) {
            // Other requests are in flight, so their callers may be about to send again: let
            // those that are runnable queue their requests before this write, so that they share
            // it (a write costs a system call), and go on while each yield brings more.
            yields++;
            Thread.yield();
            request = poll();
          }
        } while (request != null);
        flush();
      }
    } catch (IOException | RuntimeException e) {
      connection.defunct(e);
    }
  }

  /** Switches to the negotiated wire format once, right after the handshake said STARTUP was accepted. */
  private void configure() {
    if (configured || !connection.startupAccepted()) {
      return;
    }
    configured = true;
    Compression compression = connection.wireCompression();
    if (version.code() >= 5) {
      packer = new SegmentPacker(Compressors.forSegments(compression));
    } else {
      bodyCompressor = Compressors.forBody(compression);
    }
  }

  private void write(PendingRequest request) throws IOException {
    if (request.isAbandoned()) {
      connection.dropUnwritten(request, null);
      return;
    }
    int size;
    try {
      size = FrameCodec.encodedRequestSize(version, request.customPayload, request.message);
    } catch (RuntimeException e) {
      connection.dropUnwritten(request, e);
      return;
    }
    if (packer != null) {
      writeSegmented(request, size);
    } else if (bodyCompressor != null) {
      writeCompressed(request, size);
    } else {
      writePlain(request, size);
    }
  }

  private void writePlain(PendingRequest request, int size) throws IOException {
    if (size > buffer.remaining()) {
      flush();
    }
    ByteBuffer target = size > buffer.capacity() ? ByteBuffer.allocate(size) : buffer;
    if (encode(request, target) && target != buffer) {
      transport.write(target.flip());
    }
  }

  /** v3/v4 compression: the body is compressed and the header's flag set; the header itself is not. */
  private void writeCompressed(PendingRequest request, int size) throws IOException {
    ByteBuffer frame = ByteBuffer.allocate(size);
    if (!encode(request, frame)) {
      return;
    }
    ByteBuffer body = frame.flip().slice(FrameHeader.SIZE, size - FrameHeader.SIZE);
    ByteBuffer compressed = bodyCompressor.compress(body);
    int total = FrameHeader.SIZE + compressed.remaining();
    if (total > buffer.remaining()) {
      flush();
    }
    ByteBuffer target = total > buffer.capacity() ? ByteBuffer.allocate(total) : buffer;
    target.put(frame.get(0)).put((byte) (frame.get(1) | FrameHeader.FLAG_COMPRESSED));
    target.put(frame.slice(2, 3)).putInt(compressed.remaining()).put(compressed);
    if (target != buffer) {
      transport.write(target.flip());
    }
  }

  private void writeSegmented(PendingRequest request, int size) throws IOException {
    if (size <= SegmentFormat.MAX_PAYLOAD_LENGTH) {
      if (!packer.fits(buffer, size)) {
        flush();
      }
      encode(request, packer.startEnvelope(buffer, size));
    } else {
      ByteBuffer envelope = ByteBuffer.allocate(size);
      if (encode(request, envelope)) {
        envelope.flip();
        while (!packer.writeLarge(envelope, buffer)) {
          writeBuffer();
        }
      }
    }
  }

  /** Encodes the frame at the target's position; on failure fails only that request. */
  private boolean encode(PendingRequest request, ByteBuffer target) {
    request.handedToSocket = true;
    int start = target.position();
    try {
      FrameCodec.encodeRequest(version, request.streamId, request.tracing, request.customPayload, request.message,
          target);
      return true;
    } catch (RuntimeException e) {
      target.position(start);
      connection.dropUnwritten(request, e);
      return false;
    }
  }

  private void flush() throws IOException {
    if (packer != null) {
      packer.finish(buffer);
    }
    writeBuffer();
  }

  private void writeBuffer() throws IOException {
    if (buffer.position() > 0) {
      transport.write(buffer.flip());
      buffer.clear();
    }
  }
}
