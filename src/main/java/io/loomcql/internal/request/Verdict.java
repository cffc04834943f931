package io.loomcql.internal.request;

import io.loomcql.policy.RetryDecision;

/**
 * What to do after a failed attempt, and whether the retry policy made that call (only its
 * retries count toward the {@code retryCount} it is given next time).
 */
public record Verdict(RetryDecision decision, boolean byPolicy) {
  /** Nothing was sent, or the node cannot serve yet: the next node, without asking the policy. */
  public static final Verdict NEXT_NODE = new Verdict(RetryDecision.RETRY_NEXT, false);

  /** The error goes to the caller. */
  public static final Verdict RETHROW = new Verdict(RetryDecision.RETHROW, false);

  static Verdict of(RetryDecision decision) {
    return new Verdict(decision, true);
  }
}
