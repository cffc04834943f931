package io.loomcql;

import io.loomcql.error.DriverException;
import io.loomcql.error.OperationTimedOutException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The pending result of {@code executeAsync}: a {@link CompletableFuture} (so all its composition
 * works; {@code thenAccept} is the reference driver's add_callback, {@code exceptionally} its
 * add_errback) plus the reference {@code ResponseFuture}'s members. {@link #result()} rethrows
 * the driver's own exception, not a wrapper.
 */
public final class ResponseFuture extends CompletableFuture<ResultSet> {
  private final Statement<?> query;
  private final Session session;

  public ResponseFuture(Statement<?> query, Session session) {
    this.query = query;
    this.session = session;
  }

  public Statement<?> query() {
    return query;
  }

  public Session session() {
    return session;
  }

  /** Blocks until the result is in and returns it, throwing the driver exception on failure. */
  public ResultSet result() {
    try {
      return get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DriverException("interrupted while waiting for " + query);
    } catch (ExecutionException e) {
      throw unwrap(e);
    }
  }

  /** Like {@link #result()}, giving up after {@code timeout} with {@link OperationTimedOutException}. */
  public ResultSet result(Duration timeout) {
    try {
      return get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DriverException("interrupted while waiting for " + query);
    } catch (ExecutionException e) {
      throw unwrap(e);
    } catch (TimeoutException e) {
      throw new OperationTimedOutException("no result for " + query + " within " + timeout);
    }
  }

  /**
   * Waits for the result, then fetches its trace (the request must have been traced), waiting up
   * to {@code maxWait} for the server to finish writing it.
   */
  public QueryTrace queryTrace(Duration maxWait) {
    return result().executionInfo().queryTrace(maxWait);
  }

  /** Whether the (completed) result has more pages; false while it is pending or if it failed. */
  public boolean hasMorePages() {
    return isDone() && !isCompletedExceptionally() && !isCancelled() && join().hasMorePages();
  }

  private static RuntimeException unwrap(ExecutionException e) {
    Throwable cause = e.getCause();
    if (cause instanceof RuntimeException runtime) {
      return runtime;
    }
    if (cause instanceof Error error) {
      throw error;
    }
    if (cause instanceof CancellationException cancelled) {
      return cancelled;
    }
    return new DriverException(String.valueOf(cause), cause);
  }
}
