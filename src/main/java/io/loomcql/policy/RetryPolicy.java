package io.loomcql.policy;

import io.loomcql.Statement;
import io.loomcql.error.CoordinatorException;
import io.loomcql.error.DriverException;
import io.loomcql.error.ReadTimeoutException;
import io.loomcql.error.UnavailableException;
import io.loomcql.error.WriteTimeoutException;

/**
 * Decides what happens after an attempt fails. Runs inline on the request's thread, so it must
 * not block. {@code retryCount} is how many retries this execution already made (0 on the first
 * failure).
 *
 * <p>The driver asks only where a retry can be safe: a write timeout, an error answer other than
 * the ones below, or a connection that broke after the request was sent are only offered for
 * idempotent statements (for the others the error goes to the caller). Errors that a retry cannot
 * fix never reach the policy: syntax and invalid queries, unauthorized, already exists,
 * configuration, function failures and protocol errors. A bootstrapping node always makes the
 * driver try the next one, and an unprepared statement is prepared again on the same node.
 */
public interface RetryPolicy {
  /**
   * The coordinator did not hear from enough replicas in time for a read.
   *
   * @param statement the statement that failed
   * @param error the error
   * @param retryCount how many retries this execution already made, 0 on the first failure
   * @return what to do: retry on the same or the next node, rethrow, or ignore
   */
  RetryDecision onReadTimeout(Statement<?> statement, ReadTimeoutException error, int retryCount);

  /**
   * The coordinator did not hear from enough replicas in time for a write (idempotent only).
   *
   * @param statement the statement that failed
   * @param error the error
   * @param retryCount how many retries this execution already made, 0 on the first failure
   * @return what to do: retry on the same or the next node, rethrow, or ignore
   */
  RetryDecision onWriteTimeout(Statement<?> statement, WriteTimeoutException error, int retryCount);

  /**
   * The coordinator knew at once that too few replicas were alive.
   *
   * @param statement the statement that failed
   * @param error the error
   * @param retryCount how many retries this execution already made, 0 on the first failure
   * @return what to do: retry on the same or the next node, rethrow, or ignore
   */
  RetryDecision onUnavailable(Statement<?> statement, UnavailableException error, int retryCount);

  /**
   * Any other error answer: overloaded, server error, read or write failure, truncate error
   * (idempotent statements only).
   *
   * @param statement the statement that failed
   * @param error the error
   * @param retryCount how many retries this execution already made, 0 on the first failure
   * @return what to do: retry on the same or the next node, rethrow, or ignore
   */
  RetryDecision onErrorResponse(Statement<?> statement, CoordinatorException error, int retryCount);

  /**
   * The connection broke or the node stopped answering heartbeats after the request was sent,
   * so it may have run (idempotent statements only).
   *
   * @param statement the statement that failed
   * @param error the error
   * @param retryCount how many retries this execution already made, 0 on the first failure
   * @return what to do: retry on the same or the next node, rethrow, or ignore
   */
  RetryDecision onRequestAborted(Statement<?> statement, DriverException error, int retryCount);
}
