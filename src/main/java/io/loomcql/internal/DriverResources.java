package io.loomcql.internal;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts what the driver holds open in this JVM (connections, its own threads), so that tests can
 * prove a closed cluster leaves nothing behind. Two atomic updates per connection lifetime and
 * per driver thread; nothing on the request path.
 */
public final class DriverResources {
  private static final AtomicInteger OPEN_CONNECTIONS = new AtomicInteger();
  private static final AtomicInteger LIVE_THREADS = new AtomicInteger();
  private static final java.util.Set<Thread> RUNNING = java.util.concurrent.ConcurrentHashMap.newKeySet();

  private DriverResources() {}

  public static void connectionOpened() {
    OPEN_CONNECTIONS.incrementAndGet();
  }

  public static void connectionClosed() {
    OPEN_CONNECTIONS.decrementAndGet();
  }

  public static int openConnections() {
    return OPEN_CONNECTIONS.get();
  }

  /** Starts a driver-owned virtual thread that is counted while it runs. */
  public static Thread startThread(String name, Runnable task) {
    LIVE_THREADS.incrementAndGet();
    try {
      return Thread.ofVirtual()
          .name(name)
          .start(
              () -> {
                Thread self = Thread.currentThread();
                RUNNING.add(self);
                try {
                  task.run();
                } finally {
                  RUNNING.remove(self);
                  LIVE_THREADS.decrementAndGet();
                }
              });
    } catch (RuntimeException | Error e) {
      LIVE_THREADS.decrementAndGet();
      throw e;
    }
  }

  /** The names of the driver threads running now, for leak reports. */
  public static java.util.List<String> liveThreadNames() {
    return RUNNING.stream().map(Thread::getName).sorted().toList();
  }

  /** Driver threads running now (readers, writers, heartbeats, pool refills). */
  public static int liveThreads() {
    return LIVE_THREADS.get();
  }
}
