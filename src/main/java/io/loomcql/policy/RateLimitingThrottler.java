package io.loomcql.policy;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * At most {@code maxRequestsPerSecond} requests start per second, with bursts up to one second's
 * worth after a quiet spell. Each permit has a start time on a virtual schedule; a caller sleeps
 * until its time comes, or gives up if that is past its timeout (without taking the slot).
 */
public final class RateLimitingThrottler implements RequestThrottler {
  private final long intervalNanos;
  private final long burstNanos;
  private final LongSupplier clock;
  private final ReentrantLock lock = new ReentrantLock(); // held only to compute a slot, never while sleeping
  private long nextFree; // the schedule's next free start time

  /**
   * A throttler letting this many requests start per second.
   *
   * @param maxRequestsPerSecond the rate, at least 1
   * @throws IllegalArgumentException if the rate is less than 1
   */
  public RateLimitingThrottler(int maxRequestsPerSecond) {
    this(maxRequestsPerSecond, System::nanoTime);
  }

  RateLimitingThrottler(int maxRequestsPerSecond, LongSupplier clock) {
    if (maxRequestsPerSecond < 1 || maxRequestsPerSecond > 1_000_000_000) {
      throw new IllegalArgumentException(
          "maxRequestsPerSecond must be between 1 and 1,000,000,000, got " + maxRequestsPerSecond);
    }
    this.intervalNanos = 1_000_000_000L / maxRequestsPerSecond;
    this.burstNanos = 1_000_000_000L - intervalNanos; // a full second's worth: the first slot of the burst is "now"
    this.clock = clock;
    this.nextFree = clock.getAsLong() - burstNanos;
  }

  @Override
  public boolean acquire(long timeoutNanos) throws InterruptedException {
    long now = clock.getAsLong();
    long start;
    lock.lock();
    try {
      long slot = Math.max(nextFree, now - burstNanos);
      if (slot - now > timeoutNanos) {
        return false;
      }
      nextFree = slot + intervalNanos;
      start = slot;
    } finally {
      lock.unlock();
    }
    long wait = start - now;
    if (wait > 0) {
      Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
    }
    return true;
  }

  @Override
  public void release() {}

  @Override
  public String toString() {
    return "RateLimitingThrottler[" + (1_000_000_000L / intervalNanos) + " requests/s]";
  }
}
