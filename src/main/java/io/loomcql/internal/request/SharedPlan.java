package io.loomcql.internal.request;

import io.loomcql.metadata.Host;
import java.util.Iterator;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One query plan read by every execution of a request, so that a speculative execution goes to a
 * node the others have not used. Thread-safe; the lock is held only to step the iterator.
 */
public final class SharedPlan {
  private final Iterator<Host> plan;
  private final ReentrantLock lock = new ReentrantLock();

  public SharedPlan(Iterator<Host> plan) {
    this.plan = plan;
  }

  /** The next node, or null when the plan is used up. */
  public Host next() {
    lock.lock();
    try {
      return plan.hasNext() ? plan.next() : null;
    } finally {
      lock.unlock();
    }
  }

  /** Whether another node is left. */
  public boolean hasNext() {
    lock.lock();
    try {
      return plan.hasNext();
    } finally {
      lock.unlock();
    }
  }
}
