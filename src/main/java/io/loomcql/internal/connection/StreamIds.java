package io.loomcql.internal.connection;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * The stream ids of one connection, 0 to {@code capacity - 1} (at most 32768). Shared by every
 * caller of the connection and its reader.
 *
 * <p>A semaphore counts the free ids; the id itself is then claimed from a bitmap with a CAS,
 * each thread starting its search at a word of its own so that callers spread over the words.
 *
 * <p>Requests never wait here: one that finds no id joins the connection's {@link IdBacklog}.
 * Only {@link #acquire} waits, for a stream id reserved by hand ({@link Connection#reserve}). Such a
 * caller queues and parks without a timeout: a timed park on a virtual thread arms a task on the
 * JDK's delay scheduler, and the connection's {@link DeadlineSweeper} already ticks while ids are
 * taken, so it wakes waiters past their deadline ({@link #wakeExpired}). Each id released wakes
 * the oldest waiter, but a caller arriving meanwhile may take the id first, and the backlog has
 * the first claim on ids freed by requests: a reservation waits until no request does.
 */
final class StreamIds {
  private final int capacity;
  private final Semaphore free;
  private final AtomicLongArray used;
  private final ConcurrentLinkedQueue<Waiter> waiters = new ConcurrentLinkedQueue<>();
  private volatile boolean closed;

  private record Waiter(Thread thread, long deadlineNanos) {}

  StreamIds(int capacity) {
    if (capacity < 1 || capacity > 32768) {
      throw new IllegalArgumentException("stream ids per connection must be in [1, 32768], got " + capacity);
    }
    this.capacity = capacity;
    this.free = new Semaphore(capacity);
    this.used = new AtomicLongArray((capacity + 63) >>> 6);
  }

  int capacity() {
    return capacity;
  }

  /** Ids currently taken (in flight or orphaned). */
  int inUse() {
    return capacity - free.availablePermits();
  }

  /**
   * Claims a free id, waiting until {@code deadlineNanos} (a {@link System#nanoTime} value) for one.
   * The wait ends at most a {@link DeadlineSweeper} tick late, and only while the sweeper ticks.
   *
   * @return the id, or -1 if none freed in time or the connection closed meanwhile
   */
  int acquire(long deadlineNanos) throws InterruptedException {
    if (free.tryAcquire()) {
      return claim();
    }
    Waiter waiter = new Waiter(Thread.currentThread(), deadlineNanos);
    waiters.add(waiter); // before looking again, so that a release now either is seen or sees us
    try {
      while (true) {
        if (free.tryAcquire()) {
          return claim();
        }
        if (Thread.interrupted()) {
          throw new InterruptedException();
        }
        if (closed || System.nanoTime() - deadlineNanos >= 0) {
          return -1;
        }
        LockSupport.park(this);
      }
    } finally {
      waiters.remove(waiter);
      // A release that saw this thread as the oldest woke it, not the next one. Should that id
      // still be free (two releases, or this thread leaving empty-handed), pass the wake-up on.
      if (free.availablePermits() > 0) {
        wakeOldest();
      }
    }
  }

  /** Claims a free id if there is one now, without waiting; -1 otherwise. */
  int acquireNow() {
    return free.tryAcquire() ? claim() : -1;
  }

  /** Finds and marks the id whose permit the caller holds. */
  private int claim() {
    int words = used.length();
    // Each thread starts at a word of its own (by id): a shared "last word" hint was one more
    // cache line that every caller wrote, and spreading callers keeps their CASes apart.
    int start = (int) (Thread.currentThread().threadId() % words);
    while (true) {
      for (int n = 0; n < words; n++) {
        int word = (start + n) % words;
        long bits = used.get(word);
        while (bits != -1L) {
          int bit = Long.numberOfTrailingZeros(~bits);
          int id = (word << 6) + bit;
          if (id >= capacity) {
            break;
          }
          if (used.compareAndSet(word, bits, bits | (1L << bit))) {
            return id;
          }
          bits = used.get(word);
        }
      }
      // A permit guarantees a free id; we only missed it to concurrent claims. Scan again.
      Thread.onSpinWait();
    }
  }

  void release(int id) {
    int word = id >>> 6;
    long mask = 1L << (id & 63);
    long bits;
    do {
      bits = used.get(word);
      if ((bits & mask) == 0) {
        throw new IllegalStateException("stream id " + id + " released twice");
      }
    } while (!used.compareAndSet(word, bits, bits & ~mask));
    free.release();
    if (!waiters.isEmpty()) {
      wakeOldest();
    }
  }

  private void wakeOldest() {
    Waiter oldest = waiters.peek();
    if (oldest != null) {
      LockSupport.unpark(oldest.thread);
    }
  }

  /** Called once the connection closed: its sweeper stops, so every waiter is sent away now. */
  void close() {
    closed = true;
    for (Waiter waiter : waiters) {
      LockSupport.unpark(waiter.thread);
    }
  }

  /** Called by the {@link DeadlineSweeper} each tick: wakes the waiters whose deadline passed. */
  void wakeExpired(long nowNanos) {
    for (Waiter waiter : waiters) {
      if (nowNanos - waiter.deadlineNanos >= 0) {
        LockSupport.unpark(waiter.thread);
      }
    }
  }
}
