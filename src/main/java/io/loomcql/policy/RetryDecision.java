package io.loomcql.policy;

/** What a {@link RetryPolicy} tells the driver to do after a failed attempt. */
public enum RetryDecision {
  /** Send the statement again to the same node. */
  RETRY_SAME,
  /** Send the statement to the next node of the query plan. */
  RETRY_NEXT,
  /** Give up: the caller gets the error. */
  RETHROW,
  /** Give up quietly: the caller gets an empty result, as if the statement had succeeded. */
  IGNORE
}
