package io.loomcql.internal.session;

import io.loomcql.ResultSet;
import io.loomcql.Session;
import io.loomcql.Statement;
import io.loomcql.error.DriverException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The reference driver's {@code execute_concurrent}: one virtual thread per statement, at most
 * {@code maxInFlight} running, results in input order. After the first failure no new statement
 * starts; the ones running finish, then the failure is thrown.
 */
final class ConcurrentExecution {
  private ConcurrentExecution() {}

  static List<ResultSet> run(Session session, Iterable<? extends Statement<?>> statements, int maxInFlight) {
    if (maxInFlight < 1) {
      throw new IllegalArgumentException("maxInFlight must be at least 1, got " + maxInFlight);
    }
    Semaphore permits = new Semaphore(maxInFlight);
    AtomicReference<RuntimeException> failure = new AtomicReference<>();
    List<ResultSet[]> slots = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    try {
      for (Statement<?> statement : statements) {
        permits.acquire();
        if (failure.get() != null) {
          permits.release();
          break;
        }
        ResultSet[] slot = new ResultSet[1];
        slots.add(slot);
        threads.add(
            Thread.startVirtualThread(
                () -> {
                  try {
                    slot[0] = session.execute(statement);
                  } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                  } finally {
                    permits.release();
                  }
                }));
      }
      for (Thread thread : threads) {
        thread.join();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      threads.forEach(Thread::interrupt);
      throw new DriverException("interrupted while executing statements concurrently");
    }
    RuntimeException first = failure.get();
    if (first != null) {
      throw first;
    }
    List<ResultSet> results = new ArrayList<>(slots.size());
    for (ResultSet[] slot : slots) {
      results.add(slot[0]);
    }
    return results;
  }
}
