package io.loomcql.testkit;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polling waits for tests: every 5 ms until the condition holds, failing after the bound. */
public final class Await {
  private static final Duration DEFAULT = Duration.ofSeconds(10);

  private Await() {}

  /** Waits up to 10 s for {@code condition}. */
  public static void waitUntil(BooleanSupplier condition) throws InterruptedException {
    waitUntil(condition, DEFAULT);
  }

  /** Waits up to {@code timeout} for {@code condition}, else fails the test. */
  public static void waitUntil(BooleanSupplier condition, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + timeout);
      }
      Thread.sleep(5);
    }
  }
}
