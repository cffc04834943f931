package io.loomcql.internal.request;

import io.loomcql.error.DriverException;
import io.loomcql.error.OperationTimedOutException;
import io.loomcql.internal.DriverResources;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntFunction;

/**
 * Runs the executions of one idempotent request, each on its own virtual thread, while the
 * caller's thread waits: the first execution at once, one more each time the policy's delay
 * passes without an answer. The first answer wins and the other executions are interrupted;
 * a request they still have in flight becomes an orphan on its connection, whose stream id comes
 * back when the late answer arrives. The first error an execution gives up with fails the
 * request; an execution that ran out of nodes only ends it when no other one is left running.
 *
 * <p>Shared by the caller and the executions; all state is guarded by {@code lock}.
 *
 * @param <T> the result
 */
public final class SpeculativeRace<T> {
  /** One execution: returns the result, null if the plan ran out, or throws its final error. */
  @FunctionalInterface
  public interface Execution<T> {
    T run(int index);
  }

  private final Execution<T> execution;
  private final IntFunction<Duration> nextDelay;
  private final SharedPlan plan;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final List<Thread> threads = new ArrayList<>(2);
  private T winner;
  private RuntimeException failure;
  private int running;
  private int started;

  /**
   * @param nextDelay given the executions started so far, the wait before the next one, or null
   *     for none
   * @param plan the plan the executions share: no execution starts once it is used up
   */
  public SpeculativeRace(Execution<T> execution, IntFunction<Duration> nextDelay, SharedPlan plan) {
    this.execution = execution;
    this.nextDelay = nextDelay;
    this.plan = plan;
  }

  /**
   * Runs the race on the calling thread until an execution answers or fails for good.
   *
   * @return the winner's result, or null if every execution ran out of nodes
   * @throws OperationTimedOutException if nothing answered by the deadline
   */
  public T run(long deadlineNanos, String what) {
    lock.lock();
    try {
      start();
      long nextAt = nextStart(System.nanoTime());
      while (winner == null && failure == null) {
        long now = System.nanoTime();
        if (now - nextAt >= 0 && plan.hasNext()) {
          start();
          nextAt = nextStart(now);
          continue;
        }
        if (running == 0 && (nextAt == Long.MAX_VALUE || !plan.hasNext())) {
          return null; // every execution ran out of nodes, and no node is left for another
        }
        long wait = Math.min(nextAt == Long.MAX_VALUE ? Long.MAX_VALUE : nextAt - now, deadlineNanos - now);
        if (deadlineNanos - now <= 0) {
          throw new OperationTimedOutException("no answer for " + what + " from " + started + " execution(s) in time");
        }
        try {
          changed.awaitNanos(wait);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new DriverException("interrupted while waiting for " + what);
        }
      }
      if (failure != null) {
        throw failure;
      }
      return winner;
    } finally {
      for (Thread thread : threads) {
        thread.interrupt(); // the ones still running lost: their wait ends, their stream ids become orphans
      }
      lock.unlock();
    }
  }

  /** Executions started, the first included. */
  public int started() {
    lock.lock();
    try {
      return started;
    } finally {
      lock.unlock();
    }
  }

  private long nextStart(long now) {
    Duration delay = nextDelay.apply(started);
    if (delay == null) {
      return Long.MAX_VALUE;
    }
    return now + Math.max(0, delay.toNanos());
  }

  private void start() {
    int index = started++;
    running++;
    threads.add(DriverResources.startThread("loomcql-execution-" + index, () -> finish(index)));
  }

  private void finish(int index) {
    T result = null;
    RuntimeException error = null;
    try {
      result = execution.run(index);
    } catch (RuntimeException e) {
      error = e;
    } catch (Error e) {
      error = new DriverException("execution " + index + " failed: " + e, e); // the caller must not wait forever
    }
    lock.lock();
    try {
      running--;
      if (winner == null && failure == null) {
        if (result != null) {
          winner = result;
        } else if (error != null) {
          failure = error;
        }
      }
      threads.remove(Thread.currentThread());
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }
}
