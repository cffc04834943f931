package io.loomcql;

import io.loomcql.metadata.Host;

/**
 * Hears how every request ends, and every attempt within it, on the request's own thread: keep
 * it quick and never block (hand heavy work to another thread). An exception it throws is logged
 * and otherwise ignored. Set with {@code Cluster.Builder.withRequestTracker};
 * {@link SlowQueryLogger} is one.
 */
public interface RequestTracker {
  /**
   * A request succeeded after {@code latencyNanos}; {@code info} says how. Does nothing by default.
   *
   * @param statement the statement executed
   * @param latencyNanos from {@code execute} to the result, in nanoseconds, retries included
   * @param info the coordinator, the attempts and the server's warnings
   */
  default void onSuccess(Statement<?> statement, long latencyNanos, ExecutionInfo info) {}

  /**
   * A request failed after {@code latencyNanos} with {@code error}, the exception the caller gets.
   * Does nothing by default.
   *
   * @param statement the statement executed
   * @param latencyNanos from {@code execute} to the failure, in nanoseconds, retries included
   * @param error the exception the caller gets
   */
  default void onError(Statement<?> statement, long latencyNanos, Throwable error) {}

  /**
   * One attempt of a request ended on {@code host}: null {@code error} when the node answered
   * without error. Attempts whose request was never sent (no connection) are not reported. Does
   * nothing by default.
   *
   * @param statement the statement executed
   * @param host the node the attempt was sent to
   * @param latencyNanos from sending the attempt to its answer or failure, in nanoseconds
   * @param error why the attempt failed, or {@code null} if the node answered without error
   */
  default void onAttempt(Statement<?> statement, Host host, long latencyNanos, Throwable error) {}
}
