package io.loomcql.internal.session;

import io.loomcql.PreparedStatement;
import io.loomcql.internal.DriverResources;
import io.loomcql.internal.connection.Connection;
import io.loomcql.internal.protocol.ErrorResponse;
import io.loomcql.internal.protocol.Message;
import io.loomcql.internal.protocol.Prepare;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prepares statements on nodes other than the one {@code prepare} went to: every node right after
 * a prepare, or every cached statement on a node that came back. Best effort: a node that fails
 * will answer UNPREPARED later and get the statement then, so failures are only logged.
 */
final class Preparer {
  private static final Logger LOG = LoggerFactory.getLogger(Preparer.class);

  /** One statement to prepare on one node. */
  record Task(SessionPools.Entry node, PreparedStatement statement) {}

  private static final int MAX_REPREPARED_ON_UP = 1_000;
  private static final int REPREPARE_PARALLELISM = 8;

  private Preparer() {}

  /**
   * What a session does when one of its nodes comes back: the node may have restarted and
   * forgotten every prepared statement, so prepare them there again, in the background, before
   * requests find out one UNPREPARED at a time. The listener holds the statements, not the
   * session: the pools keep it, and they must not keep a dropped session reachable.
   */
  static Consumer<SessionPools.Entry> reprepareOnUp(
      Collection<? extends PreparedStatement> statements, Duration timeout, SessionResources resources) {
    return entry -> {
      if (statements.isEmpty() || resources.isClosed()) {
        return;
      }
      DriverResources.startThread("loomcql-reprepare-" + entry.host().address(), () -> {
        List<Task> tasks = new ArrayList<>();
        for (PreparedStatement statement : statements) {
          if (tasks.size() == MAX_REPREPARED_ON_UP) {
            break;
          }
          tasks.add(new Task(entry, statement));
        }
        int done = run(tasks, REPREPARE_PARALLELISM, System.nanoTime() + timeout.toNanos() * 4);
        LOG.debug("[{}] prepared {} of {} statements again on a node that came back", entry.host().address(), done,
            tasks.size());
      });
    };
  }

  /**
   * Runs the tasks on virtual threads, at most {@code parallelism} at once, and waits for them
   * until {@code deadlineNanos}.
   *
   * @return how many succeeded
   */
  static int run(List<Task> tasks, int parallelism, long deadlineNanos) {
    Semaphore permits = new Semaphore(parallelism);
    List<Thread> threads = new ArrayList<>(tasks.size());
    AtomicInteger succeeded = new AtomicInteger();
    try {
      for (Task task : tasks) {
        if (!permits.tryAcquire(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS)) {
          break;
        }
        threads.add(DriverResources.startThread("loomcql-prepare", () -> {
          try {
            if (prepare(task, deadlineNanos)) {
              succeeded.incrementAndGet();
            }
          } finally {
            permits.release();
          }
        }));
      }
      for (Thread thread : threads) {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0 || !thread.join(java.time.Duration.ofNanos(left))) {
          break;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return succeeded.get();
  }

  private static boolean prepare(Task task, long deadlineNanos) {
    try {
      Connection connection = task.node().pool().borrow();
      Message reply = connection.request(new Prepare(task.statement().query(), null), deadlineNanos).message();
      if (reply instanceof ErrorResponse error) {
        LOG.debug("[{}] could not prepare {}: {}", task.node().host().address(), task.statement(), error.message());
        return false;
      }
      return true;
    } catch (RuntimeException e) {
      LOG.debug("[{}] could not prepare {}: {}", task.node().host().address(), task.statement(), e.toString());
      return false;
    }
  }
}
