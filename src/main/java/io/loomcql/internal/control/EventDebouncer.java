package io.loomcql.internal.control;

import io.loomcql.internal.DriverResources;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gathers events for a window, then hands them over in one batch: however fast a node sends
 * them, there is at most one batch per window, and at most {@code maxPending} events are kept
 * (beyond that the batch says it overflowed, and the receiver refreshes everything instead).
 *
 * <p>The first event of a quiet period starts a virtual thread that waits out the window, hands
 * the batch over, and keeps going while events keep coming. Thread-safe.
 */
final class EventDebouncer<E> implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EventDebouncer.class);

  /** Receives the events of one window, oldest first. */
  @FunctionalInterface
  interface Receiver<E> {
    void accept(List<E> events, boolean overflowed);
  }

  private final String name;
  private final long windowNanos;
  private final int maxPending;
  private final Receiver<E> receiver;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition closing = lock.newCondition();
  private List<E> pending = new ArrayList<>();
  private boolean overflowed;
  private boolean running;
  private boolean closed;

  EventDebouncer(String name, Duration window, int maxPending, Receiver<E> receiver) {
    this.name = name;
    this.windowNanos = window.toNanos();
    this.maxPending = maxPending;
    this.receiver = receiver;
  }

  void offer(E event) {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      if (pending.size() < maxPending) {
        pending.add(event);
      } else {
        overflowed = true;
      }
      if (!running) {
        running = true;
        DriverResources.startThread("loomcql-events-" + name, this::deliver);
      }
    } finally {
      lock.unlock();
    }
  }

  private void deliver() {
    while (true) {
      List<E> batch;
      boolean overflow;
      lock.lock();
      try {
        long wait = windowNanos;
        while (wait > 0 && !closed) {
          wait = closing.awaitNanos(wait);
        }
        if (closed || (pending.isEmpty() && !overflowed)) {
          running = false;
          return;
        }
        batch = pending;
        overflow = overflowed;
        pending = new ArrayList<>();
        overflowed = false;
      } catch (InterruptedException e) {
        running = false;
        Thread.currentThread().interrupt();
        return;
      } finally {
        lock.unlock();
      }
      try {
        receiver.accept(batch, overflow);
      } catch (RuntimeException e) {
        LOG.warn("Handling {} event(s) of kind {} failed: {}", batch.size(), name, e.toString());
      }
    }
  }

  @Override
  public void close() {
    lock.lock();
    try {
      closed = true;
      pending = new ArrayList<>();
      closing.signalAll();
    } finally {
      lock.unlock();
    }
  }
}
