package io.loomcql.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * Counts what the driver holds open in this JVM (connections, its own threads), so that tests can
 * prove a closed cluster leaves nothing behind. Two atomic updates per connection lifetime and
 * per driver thread; nothing on the request path.
 */
public final class DriverResources {
  private static final AtomicInteger OPEN_CONNECTIONS = new AtomicInteger();
  private static final AtomicInteger LIVE_THREADS = new AtomicInteger();
  private static final Set<Thread> RUNNING = ConcurrentHashMap.newKeySet();

  private DriverResources() {}

  public static void connectionOpened() {
    OPEN_CONNECTIONS.incrementAndGet();
  }

  public static void connectionClosed() {
    OPEN_CONNECTIONS.decrementAndGet();
  }

  /**
   * Only when the system property {@code loomcql.test.trackClosedConnections} is {@code true} (the
   * test suite sets it): keeps what each closed connection still holds, so that the leak check can
   * prove every stream id comes back after a close. Off, this costs one static read per close.
   */
  private static final boolean TRACK_CLOSED = Boolean.getBoolean("loomcql.test.trackClosedConnections");
  private static final Queue<ClosedConnection> CLOSED = new ConcurrentLinkedQueue<>();

  /** A closed connection's name and a live view of the stream ids it still holds. */
  public record ClosedConnection(String name, IntSupplier idsInUse) {}

  /** Records a connection that has just closed (kept only when tracking is on). */
  public static void connectionClosed(String name, IntSupplier idsInUse) {
    if (TRACK_CLOSED) {
      CLOSED.add(new ClosedConnection(name, idsInUse));
    }
  }

  /** Takes every closed connection recorded so far (none unless tracking is on). */
  public static List<ClosedConnection> drainClosedConnections() {
    List<ClosedConnection> drained = new ArrayList<>();
    for (ClosedConnection closed; (closed = CLOSED.poll()) != null; ) {
      drained.add(closed);
    }
    return drained;
  }

  /** Whether closed connections are being recorded. */
  public static boolean tracksClosedConnections() {
    return TRACK_CLOSED;
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
  public static List<String> liveThreadNames() {
    return RUNNING.stream().map(Thread::getName).sorted().toList();
  }

  /** Driver threads running now (readers, writers, heartbeats, pool refills). */
  public static int liveThreads() {
    return LIVE_THREADS.get();
  }
}
