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

  /**
   * A pending result, which the session completes. The session's {@code executeAsync} creates
   * these.
   *
   * @param query the statement being executed
   * @param session the session executing it
   */
  public ResponseFuture(Statement<?> query, Session session) {
    this.query = query;
    this.session = session;
  }

  /** {@return the statement being executed} */
  public Statement<?> query() {
    return query;
  }

  /** {@return the session executing the statement} */
  public Session session() {
    return session;
  }

  /**
   * Blocks until the result is in and returns it, throwing the driver exception on failure.
   *
   * @return the result
   * @throws io.loomcql.error.DriverException the request's own failure, unwrapped; or a plain
   *     {@code DriverException} if the waiting thread is interrupted (its interrupt flag is set
   *     again)
   * @throws java.util.concurrent.CancellationException if the future was cancelled
   */
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

  /**
   * Like {@link #result()}, giving up after {@code timeout} with {@link
   * OperationTimedOutException}. Giving up does not cancel the request.
   *
   * @param timeout how long to wait
   * @return the result
   * @throws OperationTimedOutException if the result did not come in time
   * @throws io.loomcql.error.DriverException the request's own failure, unwrapped
   */
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
   *
   * @param maxWait how long to wait for the trace once the result is in
   * @return the trace
   * @throws IllegalStateException if the request was not traced
   * @throws io.loomcql.error.TraceUnavailableException if the trace is not complete in time
   */
  public QueryTrace queryTrace(Duration maxWait) {
    return result().executionInfo().queryTrace(maxWait);
  }

  /**
   * Whether the (completed) result has more pages. Never blocks.
   *
   * @return {@code true} if the result is in and has more pages; {@code false} while it is pending
   *     or if it failed
   */
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
