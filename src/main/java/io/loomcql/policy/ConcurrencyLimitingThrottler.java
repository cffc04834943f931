package io.loomcql.policy;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * At most {@code maxConcurrentRequests} requests at once; the others wait in arrival order. A
 * fair semaphore, so a burst cannot starve an early caller.
 */
public final class ConcurrencyLimitingThrottler implements RequestThrottler {
  private final int maxConcurrentRequests;
  private final Semaphore permits;

  /**
   * A throttler letting this many requests run at once.
   *
   * @param maxConcurrentRequests the most requests in flight, at least 1
   * @throws IllegalArgumentException if {@code maxConcurrentRequests} is less than 1
   */
  public ConcurrencyLimitingThrottler(int maxConcurrentRequests) {
    if (maxConcurrentRequests < 1) {
      throw new IllegalArgumentException("maxConcurrentRequests must be at least 1, got " + maxConcurrentRequests);
    }
    this.maxConcurrentRequests = maxConcurrentRequests;
    this.permits = new Semaphore(maxConcurrentRequests, true);
  }

  @Override
  public boolean acquire(long timeoutNanos) throws InterruptedException {
    return permits.tryAcquire(Math.max(0, timeoutNanos), TimeUnit.NANOSECONDS);
  }

  @Override
  public void release() {
    permits.release();
  }

  /** {@return how many requests hold a permit now} */
  public int inFlight() {
    return maxConcurrentRequests - permits.availablePermits();
  }

  /** {@return how many callers wait for a permit now} An estimate, for monitoring. */
  public int waiting() {
    return permits.getQueueLength();
  }

  @Override
  public String toString() {
    return "ConcurrencyLimitingThrottler[" + inFlight() + "/" + maxConcurrentRequests + " in flight]";
  }
}
