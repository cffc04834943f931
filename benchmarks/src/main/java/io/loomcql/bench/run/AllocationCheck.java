package io.loomcql.bench.run;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks that {@link Meter} counts what virtual threads allocate: 1,000 virtual threads allocate
 * 100 MiB in total; the delta must be at least that. Run: {@code bin/bench alloc-check}.
 */
public final class AllocationCheck {
  private AllocationCheck() {}

  static volatile Object sink;

  public static void main(String[] args) throws InterruptedException {
    for (int round = 0; round < 3; round++) {
      Meter before = Meter.now();
      List<Thread> threads = new ArrayList<>();
      for (int t = 0; t < 1000; t++) {
        threads.add(Thread.startVirtualThread(() -> {
          for (int i = 0; i < 100; i++) {
            sink = new byte[1024 - 16]; // 1 KiB with the array header
          }
        }));
      }
      for (Thread t : threads) {
        t.join();
      }
      Meter after = Meter.now();
      long expected = 1000L * 100 * 1024;
      long counted = after.allocatedBytes() - before.allocatedBytes();
      System.out.printf("virtual threads allocated %,d bytes; getTotalThreadAllocatedBytes counted %,d (%.2fx)%n",
          expected, counted, (double) counted / expected);
    }
  }
}
