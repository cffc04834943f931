package io.loomcql.internal.connection;

import io.loomcql.internal.protocol.FrameCodec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * The single writer of one connection. Callers enqueue and return to waiting; this loop (one
 * virtual thread) drains everything queued into one buffer and writes it with as few system
 * calls as the socket allows. Under load many requests share one write, which is the driver's
 * main throughput lever; at one request in flight it writes at once, without a timer.
 *
 * <p>Thread-safety: {@link #enqueue} is called by any thread; everything else runs on the writer
 * thread only, so the buffer needs no lock.
 */
final class FrameWriter implements Runnable {
  private static final int BUFFER_SIZE = 64 * 1024;

  private final Connection connection;
  private final Transport transport;
  private final ConcurrentLinkedQueue<PendingRequest> queue = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean sleeping = new AtomicBoolean();
  private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_SIZE);
  private volatile Thread thread;

  FrameWriter(Connection connection, Transport transport) {
    this.connection = connection;
    this.transport = transport;
  }

  void start(String name) {
    thread = Thread.ofVirtual().name(name).start(this);
  }

  void enqueue(PendingRequest request) {
    queue.offer(request);
    wake();
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
        PendingRequest request = queue.poll();
        if (request == null) {
          sleeping.set(true);
          if (queue.isEmpty() && connection.isOpen()) {
            LockSupport.park(this);
          }
          sleeping.set(false);
          continue;
        }
        do {
          write(request);
          request = queue.poll();
        } while (request != null);
        flush();
      }
    } catch (IOException | RuntimeException e) {
      connection.defunct(e);
    }
  }

  private void write(PendingRequest request) throws IOException {
    if (request.isAbandoned()) {
      connection.dropUnwritten(request, null);
      return;
    }
    int size;
    try {
      size = FrameCodec.encodedSize(request.frame);
    } catch (RuntimeException e) {
      connection.dropUnwritten(request, e);
      return;
    }
    if (size > buffer.remaining()) {
      flush();
    }
    ByteBuffer target = size > buffer.capacity() ? ByteBuffer.allocate(size) : buffer;
    int start = target.position();
    try {
      FrameCodec.encode(request.frame, target);
    } catch (RuntimeException e) {
      target.position(start);
      connection.dropUnwritten(request, e);
      return;
    }
    if (target != buffer) {
      writeFully(target.flip());
    }
  }

  private void flush() throws IOException {
    if (buffer.position() > 0) {
      writeFully(buffer.flip());
      buffer.clear();
    }
  }

  private void writeFully(ByteBuffer data) throws IOException {
    transport.write(data);
  }
}
