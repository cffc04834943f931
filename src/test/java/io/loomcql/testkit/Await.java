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
    awaitWithin(timeout, condition, "condition");
  }

  /** Waits up to {@code limit} for {@code condition}, else fails naming {@code what} was awaited. */
  public static void awaitWithin(Duration limit, BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + limit.toMillis() + " ms: " + what);
      }
      Thread.sleep(5);
    }
  }
}
