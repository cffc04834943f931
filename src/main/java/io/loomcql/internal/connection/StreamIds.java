package io.loomcql.internal.connection;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The stream ids of one connection, 0 to {@code capacity - 1} (at most 32768). Shared by every
 * caller of the connection and its reader.
 *
 * <p>A semaphore counts the free ids, so a caller that finds none parks (cheaply, on a virtual
 * thread) until one frees or its deadline passes; the id itself is then claimed from a bitmap
 * with a CAS, starting at a rotating hint so that callers spread over the words.
 */
final class StreamIds {
  private final int capacity;
  private final Semaphore free;
  private final AtomicLongArray used;
  private int hint; // racy on purpose: only a starting point for the search

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
   * Claims a free id, waiting up to {@code timeoutNanos}.
   *
   * @return the id, or -1 if none freed in time
   */
  int acquire(long timeoutNanos) throws InterruptedException {
    if (!free.tryAcquire() && !free.tryAcquire(Math.max(0, timeoutNanos), TimeUnit.NANOSECONDS)) {
      return -1;
    }
    return claim();
  }

  /** Claims a free id if there is one now, without waiting; -1 otherwise. */
  int acquireNow() {
    return free.tryAcquire() ? claim() : -1;
  }

  /** Finds and marks the id whose permit the caller holds. */
  private int claim() {
    int words = used.length();
    int start = (hint & Integer.MAX_VALUE) % words;
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
            hint = word;
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
  }
}
