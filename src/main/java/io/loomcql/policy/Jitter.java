package io.loomcql.policy;

import java.time.Duration;
import java.util.Random;

/** Spreads delays by ±15% so that many clients that lost a node together do not retry in step. */
final class Jitter {
  private static final double SPREAD = 0.15;
  private static final Random RANDOM = new Random(); // thread-safe; reconnection is no hot path

  private Jitter() {}

  static Duration apply(Duration delay) {
    double factor = 1 + RANDOM.nextDouble(-SPREAD, SPREAD);
    return Duration.ofNanos(Math.max(1, (long) (delay.toNanos() * factor)));
  }
}
