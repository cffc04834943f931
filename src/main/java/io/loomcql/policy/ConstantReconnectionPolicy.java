package io.loomcql.policy;

import java.time.Duration;
import java.util.Objects;

/** The same delay between attempts (±15% jitter). */
public final class ConstantReconnectionPolicy implements ReconnectionPolicy {
  private final Duration delay;

  /**
   * A policy waiting about {@code delay} before every attempt.
   *
   * @param delay the wait between attempts, before jitter
   * @throws NullPointerException if {@code delay} is null
   * @throws IllegalArgumentException if {@code delay} is zero or negative
   */
  public ConstantReconnectionPolicy(Duration delay) {
    Objects.requireNonNull(delay, "delay");
    if (delay.isNegative() || delay.isZero()) {
      throw new IllegalArgumentException("reconnection delay must be positive, got " + delay);
    }
    this.delay = delay;
  }

  /** {@return the wait between attempts, before jitter} */
  public Duration delay() {
    return delay;
  }

  @Override
  public Schedule newSchedule() {
    return () -> Jitter.apply(delay);
  }

  @Override
  public String toString() {
    return "ConstantReconnectionPolicy[" + delay + "]";
  }
}
