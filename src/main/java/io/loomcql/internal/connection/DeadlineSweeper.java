package io.loomcql.internal.connection;

import io.loomcql.internal.DriverResources;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;

/**
 * Wakes the callers of one connection whose deadline passed, those waiting for a response and
 * those waiting for a stream id ({@link IdBacklog#sweep}, {@link StreamIds#wakeExpired}); it also
 * ages the backlog. Callers park without a timeout: a timed park on a virtual thread arms and
 * cancels a task on the JDK's delay scheduler, which cost more than a tenth of the CPU of a request
 * at high concurrency. Instead this one virtual thread looks at every slot each {@link
 * #TICK_NANOS} while requests are in flight, and unparks those past their deadline; a caller so
 * times out at most one tick (plus scheduling) late. With nothing in flight it parks until {@link
 * #watch} wakes it, so an idle connection costs no wake-ups.
 *
 * <p>Thread-safety: {@link #watch} and {@link #stop} are called by any thread; the loop runs on its
 * own thread.
 */
final class DeadlineSweeper implements Runnable {
  /** How often a busy connection looks for expired callers; their timeouts are late by at most this. */
  static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

  private final Connection connection;
  private final AtomicReferenceArray<PendingRequest> slots;
  private final StreamIds streamIds;
  private final IdBacklog backlog;
  private final AtomicBoolean idle = new AtomicBoolean();
  private volatile Thread thread;

  DeadlineSweeper(
      Connection connection, AtomicReferenceArray<PendingRequest> slots, StreamIds streamIds, IdBacklog backlog) {
    this.connection = connection;
    this.slots = slots;
    this.streamIds = streamIds;
    this.backlog = backlog;
  }

  void start(String name) {
    thread = DriverResources.startThread(name, this);
  }

  /**
   * Called after a request took a stream id: makes sure the sweeper ticks. Costs one volatile read
   * while the connection is busy.
   */
  void watch() {
    if (idle.get() && idle.compareAndSet(true, false)) {
      LockSupport.unpark(thread);
    }
  }

  /** Called once the connection is closed: ends the loop. */
  void stop() {
    Thread sweeper = thread;
    if (sweeper != null) {
      LockSupport.unpark(sweeper);
    }
  }

  @Override
  public void run() {
    while (connection.isOpen()) {
      if (connection.inFlight() == 0) {
        // Set before looking again, so that a request taking an id now either is seen or sees the flag.
        idle.set(true);
        if (connection.inFlight() == 0 && connection.isOpen()) {
          LockSupport.park(this);
        }
        idle.set(false);
        continue;
      }
      LockSupport.parkNanos(this, TICK_NANOS);
      long now = System.nanoTime();
      for (int id = 0; id < slots.length(); id++) {
        PendingRequest request = slots.get(id);
        if (request != null) {
          request.wakeIfExpired(now);
        }
      }
      // Requests and reservations waiting for an id, which exist only while all are taken.
      backlog.sweep(now);
      connection.afterBacklogSweep();
      streamIds.wakeExpired(now);
    }
  }
}
