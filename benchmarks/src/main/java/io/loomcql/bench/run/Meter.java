package io.loomcql.bench.run;

import java.lang.management.ManagementFactory;

/**
 * Process-wide counters read at the start and end of a measurement window: process CPU time
 * (all threads, JIT and GC included) and bytes allocated by all threads.
 *
 * <p>{@code getTotalThreadAllocatedBytes} sums the platform threads' TLAB counters, live and
 * exited; a virtual thread allocates through its carrier's counter, so its allocations are
 * counted too ({@link AllocationCheck} verifies this on the JDK in use).
 */
record Meter(long nanos, long cpuNanos, long allocatedBytes) {
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  static Meter now() {
    return new Meter(System.nanoTime(), OS.getProcessCpuTime(), THREADS.getTotalThreadAllocatedBytes());
  }
}
