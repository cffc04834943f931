package io.loomcql.policy;

/**
 * Limits the requests a cluster runs. A caller over the limit waits (its virtual thread parks)
 * until a permit frees or its request timeout passes; it is not failed at once. One throttler
 * serves every session of a cluster. Implementations must be thread-safe, and must wait with
 * {@code java.util.concurrent} locks or semaphores, never while holding a monitor (that would pin
 * the caller's carrier thread on Java 21).
 */
public interface RequestThrottler {
  /**
   * Takes a permit, waiting up to {@code timeoutNanos}.
   *
   * @param timeoutNanos the longest wait, in nanoseconds; zero or less means do not wait
   * @return true with a permit, which the caller gives back with {@link #release()}; false if no
   *     permit came in time
   * @throws InterruptedException if the waiting thread is interrupted
   */
  boolean acquire(long timeoutNanos) throws InterruptedException;

  /** Gives back the permit of a request that finished (called once per successful acquire). */
  void release();

  /** {@return a throttler that lets every request through at once (the default)} */
  static RequestThrottler none() {
    return PassThroughThrottler.INSTANCE;
  }
}
