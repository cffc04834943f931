package io.loomcql.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One direction of a {@link ProxyLink}: a pump (one virtual thread, blocking reads and writes)
 * copying chunks from one socket to the other, through the {@link Faults} set on it.
 *
 * <p>Thread-safe: the fault setters and {@link #inject} are called from any thread; the pump owns
 * the scanner and the stream offset. Writes to the destination (the pump's chunks and injected
 * whole frames) are serialized by {@code writeLock}, and an injected frame waits until the pump's
 * output is at a frame boundary. Waits poll every 50 ms, so closing the link never needs a lock.
 */
final class ProxyPipe implements Faults {
  private static final int CHUNK = 16 * 1024;
  private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

  private final ProxyLink link;
  private final SocketChannel from;
  private final SocketChannel to;
  private final FrameScanner scanner;
  private final AtomicLong forwarded; // the proxy's counter for this direction
  private final ReentrantLock stateLock = new ReentrantLock();
  private final Condition resumed = stateLock.newCondition();
  private final ReentrantLock writeLock = new ReentrantLock();
  private final Condition frameEnded = writeLock.newCondition();
  private boolean stalled; // guarded by stateLock
  private boolean insideFrame; // guarded by writeLock: the bytes written so far end inside a frame
  private volatile Duration delay = Duration.ZERO;
  private final AtomicLong resetAfter = new AtomicLong(-1);
  private volatile long corruptAt = -1;
  private volatile boolean halfClosed;
  private long offset; // bytes read so far; pump thread only

  ProxyPipe(ProxyLink link, SocketChannel from, SocketChannel to, FrameScanner scanner, AtomicLong forwarded) {
    this.link = link;
    this.from = from;
    this.to = to;
    this.scanner = scanner;
    this.forwarded = forwarded;
  }

  /** The pump's loop; returns when the source ends or the link closes. */
  void pump() {
    ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
    ByteArrayOutputStream out = new ByteArrayOutputStream(CHUNK);
    try {
      while (link.isOpen()) {
        awaitFlowing(); // a stalled pipe does not even read: the sender's buffers fill
        buffer.clear();
        int read = from.read(buffer);
        if (read < 0) {
          endOfStream();
          return;
        }
        Duration pause = delay;
        if (!pause.isZero()) {
          Thread.sleep(pause);
        }
        awaitFlowing(); // stalled while this chunk was read: hold it
        byte[] data = buffer.array();
        corrupt(data, read);
        offset += read;
        if (halfClosed) {
          continue;
        }
        out.reset();
        scanner.scan(data, read, out, link.framed());
        forward(out.toByteArray());
      }
    } catch (IOException | InterruptedException e) {
      link.close(); // the other side went away, or the link was closed under us
    }
  }

  private void awaitFlowing() throws InterruptedException {
    stateLock.lock();
    try {
      while (stalled && link.isOpen()) {
        resumed.awaitNanos(POLL_NANOS);
      }
    } finally {
      stateLock.unlock();
    }
  }

  private void corrupt(byte[] data, int length) {
    long at = corruptAt;
    if (at >= offset && at < offset + length) {
      data[(int) (at - offset)] ^= (byte) 0xFF;
      corruptAt = -1;
    }
  }

  /** Writes what the scanner let through, honouring a pending reset. */
  private void forward(byte[] bytes) throws IOException, InterruptedException {
    int length = bytes.length;
    boolean resetNow = false;
    long limit = resetAfter.get();
    if (limit >= 0) {
      if (length >= limit) {
        length = (int) limit;
        resetNow = true;
        resetAfter.set(-1);
      } else {
        resetAfter.compareAndSet(limit, limit - length);
      }
    }
    write(ByteBuffer.wrap(bytes, 0, length), !resetNow && scanner.insideForwardedFrame(), false);
    if (resetNow) {
      link.reset();
    }
  }

  /**
   * Writes a whole frame held back by a rule, between two frames of the pump's output.
   *
   * @return false if the link closed first
   */
  boolean inject(byte[] frame) {
    try {
      write(ByteBuffer.wrap(frame), false, true);
      return link.isOpen();
    } catch (IOException | InterruptedException e) {
      link.close();
      return false;
    }
  }

  private void write(ByteBuffer bytes, boolean endsInsideFrame, boolean waitForFrameEnd)
      throws IOException, InterruptedException {
    writeLock.lock();
    try {
      while (waitForFrameEnd && insideFrame && link.isOpen()) {
        frameEnded.awaitNanos(POLL_NANOS);
      }
      if (!link.isOpen()) {
        return;
      }
      int length = bytes.remaining();
      while (bytes.hasRemaining()) {
        to.write(bytes);
      }
      forwarded.addAndGet(length);
      if (!waitForFrameEnd) {
        insideFrame = endsInsideFrame;
        if (!insideFrame) {
          frameEnded.signalAll();
        }
      }
    } finally {
      writeLock.unlock();
    }
  }

  /** The source closed its output: pass the end of stream on, as a half-close. */
  private void endOfStream() {
    shutdownOutput();
    link.directionEnded();
  }

  private void shutdownOutput() {
    writeLock.lock();
    try {
      to.shutdownOutput();
    } catch (IOException ignored) {
      // the destination is gone already: nothing left to shut
    } finally {
      writeLock.unlock();
    }
  }

  /** Sets this pipe to what the proxy-wide faults say, for a connection that just opened. */
  void apply(FaultProxy.Template template) {
    delay(template.delay());
    if (template.stalled()) {
      stall();
    }
    if (template.corruptAt() >= 0) {
      corruptAt(template.corruptAt());
    }
    if (template.halfClosed()) {
      halfClose();
    }
    if (template.resetAfter() >= 0) {
      resetAfter(template.resetAfter());
    }
  }

  @Override
  public Faults delay(Duration perChunk) {
    if (perChunk.isNegative()) {
      throw new IllegalArgumentException("negative delay " + perChunk);
    }
    delay = perChunk;
    return this;
  }

  @Override
  public Faults stall() {
    stateLock.lock();
    try {
      stalled = true;
    } finally {
      stateLock.unlock();
    }
    return this;
  }

  @Override
  public Faults resume() {
    stateLock.lock();
    try {
      stalled = false;
      resumed.signalAll();
    } finally {
      stateLock.unlock();
    }
    return this;
  }

  @Override
  public Faults resetAfter(long bytes) {
    if (bytes < 0) {
      throw new IllegalArgumentException("negative byte count " + bytes);
    }
    if (bytes == 0) {
      link.reset();
    } else {
      resetAfter.set(bytes);
    }
    return this;
  }

  @Override
  public Faults halfClose() {
    halfClosed = true;
    shutdownOutput();
    return this;
  }

  @Override
  public Faults corruptAt(long offset) {
    if (offset < 0) {
      throw new IllegalArgumentException("negative offset " + offset);
    }
    corruptAt = offset;
    return this;
  }

  @Override
  public Faults clear() {
    delay = Duration.ZERO;
    resetAfter.set(-1);
    corruptAt = -1;
    return resume();
  }
}
