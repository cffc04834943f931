package io.loomcql.policy;

import java.time.Duration;
import java.util.Objects;

/**
 * Delays that double from {@code base} up to {@code max}, each with ±15% jitter. The default of
 * the driver: 1 s doubling to 60 s, as in the reference drivers.
 */
public final class ExponentialReconnectionPolicy implements ReconnectionPolicy {
  private final Duration base;
  private final Duration max;

  /**
   * A policy whose delays double from {@code base} up to {@code max}.
   *
   * @param base the first delay, before jitter
   * @param max the longest delay, before jitter
   * @throws NullPointerException if either is null
   * @throws IllegalArgumentException unless {@code 0 < base <= max}
   */
  public ExponentialReconnectionPolicy(Duration base, Duration max) {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(max, "max");
    if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
      throw new IllegalArgumentException("need 0 < base <= max, got base " + base + ", max " + max);
    }
    this.base = base;
    this.max = max;
  }

  /** {@return the first delay, before jitter} */
  public Duration baseDelay() {
    return base;
  }

  /** {@return the longest delay, before jitter} */
  public Duration maxDelay() {
    return max;
  }

  @Override
  public Schedule newSchedule() {
    return new Schedule() {
      private int attempt;

      @Override
      public Duration nextDelay() {
        // Doubling past max (or past what a long holds) is max: check before shifting.
        int shift = Math.min(attempt++, 62);
        long baseNanos = base.toNanos();
        Duration delay = baseNanos > (max.toNanos() >> shift) ? max : Duration.ofNanos(baseNanos << shift);
        return Jitter.apply(delay);
      }
    };
  }

  @Override
  public String toString() {
    return "ExponentialReconnectionPolicy[" + base + " to " + max + "]";
  }
}
