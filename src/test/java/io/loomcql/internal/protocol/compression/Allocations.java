package io.loomcql.internal.protocol.compression;

import java.lang.reflect.Method;

/**
 * Measures the heap a piece of code allocates on the current thread, with HotSpot's per-thread
 * counter ({@code com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes}). Reached by
 * reflection because test sources are compiled inside module io.loomcql, which does not read
 * java.management; tests run on the class path, where reflection reaches it.
 */
public final class Allocations {
  private static final Object THREADS;
  private static final Method ALLOCATED_BYTES;
  private static final Method TOTAL_ALLOCATED_BYTES;

  static {
    try {
      THREADS = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean").invoke(null);
      ALLOCATED_BYTES = Class.forName("com.sun.management.ThreadMXBean").getMethod("getCurrentThreadAllocatedBytes");
      TOTAL_ALLOCATED_BYTES = Class.forName("com.sun.management.ThreadMXBean").getMethod("getTotalThreadAllocatedBytes");
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private Allocations() {}

  /** Bytes allocated by {@code code} on this thread, whether it returns or throws. */
  public static long during(Runnable code) {
    long before = allocated();
    try {
      code.run();
    } catch (RuntimeException expected) {
      // the caller asserts on the exception separately; only the allocation matters here
    }
    return allocated() - before;
  }

  /**
   * Bytes allocated so far by every thread of the JVM, virtual threads included (they count on
   * their carriers). For code that runs on a virtual thread, whose own counter reads -1: the
   * difference of two readings bounds what it allocated, plus whatever else ran meanwhile.
   */
  public static long total() {
    try {
      return (long) TOTAL_ALLOCATED_BYTES.invoke(THREADS);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long allocated() {
    try {
      return (long) ALLOCATED_BYTES.invoke(THREADS);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
