package io.loomcql.bench.run;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How long one core takes to see a cache line the other core just wrote, measured by two platform
 * threads passing a counter back and forth. On our 2-vCPU machines this is 20-30 ns in some
 * stretches of time and several times that in others (the host places the two vCPUs), and a driver
 * whose requests write shared lines slows down with it. Each child measures it before its load
 * starts, so that a table can tell a slow run from a slow driver.
 */
final class HandoffProbe {
  private static final int HANDOFFS = 200_000;

  private HandoffProbe() {}

  /** Median nanoseconds per one-way hand-off over five rounds (about 0.1 s in all on a fast machine). */
  static double nanosPerHandoff() throws InterruptedException {
    double[] rounds = new double[5];
    for (int r = 0; r < rounds.length; r++) {
      rounds[r] = round();
    }
    Arrays.sort(rounds);
    return rounds[rounds.length / 2];
  }

  private static double round() throws InterruptedException {
    AtomicLong ball = new AtomicLong();
    Thread other = Thread.ofPlatform().daemon().start(() -> pass(ball, 1));
    long start = System.nanoTime();
    pass(ball, 0);
    long elapsed = System.nanoTime() - start;
    other.join();
    return elapsed / (double) (2 * HANDOFFS);
  }

  /** Waits for each value of this side's parity, answers with the next one. */
  private static void pass(AtomicLong ball, long first) {
    for (long value = first; value < 2L * HANDOFFS; value += 2) {
      while (ball.get() != value) {
        Thread.onSpinWait();
      }
      ball.set(value + 1);
    }
  }
}
