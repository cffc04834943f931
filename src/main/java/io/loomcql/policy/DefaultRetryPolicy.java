package io.loomcql.policy;

import io.loomcql.Statement;
import io.loomcql.error.CoordinatorException;
import io.loomcql.error.DriverException;
import io.loomcql.error.ReadFailureException;
import io.loomcql.error.ReadTimeoutException;
import io.loomcql.error.UnavailableException;
import io.loomcql.error.WriteFailureException;
import io.loomcql.error.WriteTimeoutException;
import io.loomcql.error.WriteType;

/**
 * The reference drivers' default: retry only where the retry is likely to succeed without
 * repeating a side effect; on the same node at most once, and on other nodes at most once each.
 *
 * <ul>
 *   <li>Read timeout: once on the same node, if enough replicas answered but the one asked for
 *       data did not (the data is likely there by now).
 *   <li>Write timeout: once on the same node, only for a batch log write (the batch was not
 *       applied yet, so replaying it is safe).
 *   <li>Unavailable: once on the next node (this coordinator may have a wrong view of the ring).
 *   <li>Overloaded, server error and other answers: the next node, each node once. Read and write
 *       failures are rethrown, since a replica failed for real.
 *   <li>Connection lost after sending: the next node.
 * </ul>
 */
public class DefaultRetryPolicy implements RetryPolicy {
  /** A shared instance: the policy has no state. */
  public static final DefaultRetryPolicy INSTANCE = new DefaultRetryPolicy();

  /** Open for subclasses that change one decision and keep the others. */
  public DefaultRetryPolicy() {}

  @Override
  public RetryDecision onReadTimeout(Statement<?> statement, ReadTimeoutException error, int retryCount) {
    return retryCount == 0 && error.received() >= error.blockFor() && !error.dataPresent()
        ? RetryDecision.RETRY_SAME
        : RetryDecision.RETHROW;
  }

  @Override
  public RetryDecision onWriteTimeout(Statement<?> statement, WriteTimeoutException error, int retryCount) {
    return retryCount == 0 && error.writeType() == WriteType.BATCH_LOG
        ? RetryDecision.RETRY_SAME
        : RetryDecision.RETHROW;
  }

  @Override
  public RetryDecision onUnavailable(Statement<?> statement, UnavailableException error, int retryCount) {
    return retryCount == 0 ? RetryDecision.RETRY_NEXT : RetryDecision.RETHROW;
  }

  @Override
  public RetryDecision onErrorResponse(Statement<?> statement, CoordinatorException error, int retryCount) {
    return error instanceof ReadFailureException || error instanceof WriteFailureException
        ? RetryDecision.RETHROW
        : RetryDecision.RETRY_NEXT;
  }

  @Override
  public RetryDecision onRequestAborted(Statement<?> statement, DriverException error, int retryCount) {
    return RetryDecision.RETRY_NEXT;
  }

  @Override
  public String toString() {
    return "DefaultRetryPolicy";
  }
}
