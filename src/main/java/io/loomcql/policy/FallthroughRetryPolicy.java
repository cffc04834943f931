package io.loomcql.policy;

import io.loomcql.Statement;
import io.loomcql.error.CoordinatorException;
import io.loomcql.error.DriverException;
import io.loomcql.error.ReadTimeoutException;
import io.loomcql.error.UnavailableException;
import io.loomcql.error.WriteTimeoutException;

/** Never retries: every error goes to the caller, who decides. */
public final class FallthroughRetryPolicy implements RetryPolicy {
  /** A shared instance: the policy has no state. */
  public static final FallthroughRetryPolicy INSTANCE = new FallthroughRetryPolicy();

  private FallthroughRetryPolicy() {}

  @Override
  public RetryDecision onReadTimeout(Statement<?> statement, ReadTimeoutException error, int retryCount) {
    return RetryDecision.RETHROW;
  }

  @Override
  public RetryDecision onWriteTimeout(Statement<?> statement, WriteTimeoutException error, int retryCount) {
    return RetryDecision.RETHROW;
  }

  @Override
  public RetryDecision onUnavailable(Statement<?> statement, UnavailableException error, int retryCount) {
    return RetryDecision.RETHROW;
  }

  @Override
  public RetryDecision onErrorResponse(Statement<?> statement, CoordinatorException error, int retryCount) {
    return RetryDecision.RETHROW;
  }

  @Override
  public RetryDecision onRequestAborted(Statement<?> statement, DriverException error, int retryCount) {
    return RetryDecision.RETHROW;
  }

  @Override
  public String toString() {
    return "FallthroughRetryPolicy";
  }
}
