package io.loomcql.internal.request;

import io.loomcql.Statement;
import io.loomcql.error.AlreadyExistsException;
import io.loomcql.error.AuthenticationException;
import io.loomcql.error.BusyPoolException;
import io.loomcql.error.ConfigurationException;
import io.loomcql.error.ConnectionException;
import io.loomcql.error.CoordinatorException;
import io.loomcql.error.FunctionFailureException;
import io.loomcql.error.InvalidQueryException;
import io.loomcql.error.IsBootstrappingException;
import io.loomcql.error.ProtocolError;
import io.loomcql.error.ReadTimeoutException;
import io.loomcql.error.SyntaxError;
import io.loomcql.error.UnauthorizedException;
import io.loomcql.error.UnavailableException;
import io.loomcql.error.WriteTimeoutException;
import io.loomcql.internal.connection.RequestNotSentException;
import io.loomcql.policy.RetryDecision;
import io.loomcql.policy.RetryPolicy;

/**
 * Sorts the error of a failed attempt and asks the retry policy where it may: the reference
 * drivers' rules for what is safe to send again. Stateless.
 */
public final class RetryDecider {
  private RetryDecider() {}

  /**
   * @param idempotent whether running the statement twice is harmless
   * @param retryCount the policy's retries so far in this execution
   */
  public static Verdict decide(
      RetryPolicy policy, Statement<?> statement, boolean idempotent, RuntimeException error, int retryCount) {
    return switch (error) {
      case RequestNotSentException notSent -> Verdict.NEXT_NODE;
      case BusyPoolException busy -> Verdict.RETHROW; // no stream id freed before the request's deadline: no time left
      case ConnectionException aborted ->
          idempotent ? checked(policy.onRequestAborted(statement, aborted, retryCount)) : Verdict.RETHROW;
      case IsBootstrappingException bootstrapping -> Verdict.NEXT_NODE;
      case ReadTimeoutException timeout -> checked(policy.onReadTimeout(statement, timeout, retryCount));
      case WriteTimeoutException timeout ->
          idempotent ? checked(policy.onWriteTimeout(statement, timeout, retryCount)) : Verdict.RETHROW;
      case UnavailableException unavailable -> checked(policy.onUnavailable(statement, unavailable, retryCount));
      case CoordinatorException answer when isFinal(answer) -> Verdict.RETHROW;
      case CoordinatorException answer ->
          idempotent ? checked(policy.onErrorResponse(statement, answer, retryCount)) : Verdict.RETHROW;
      default -> Verdict.RETHROW; // client-side timeouts, bad arguments: no other node would do better
    };
  }

  /** Errors about the statement itself or the client: every node would answer the same. */
  private static boolean isFinal(CoordinatorException error) {
    return error instanceof SyntaxError
        || error instanceof InvalidQueryException
        || error instanceof AlreadyExistsException
        || error instanceof UnauthorizedException
        || error instanceof ConfigurationException
        || error instanceof FunctionFailureException
        || error instanceof AuthenticationException
        || error instanceof ProtocolError;
  }

  private static Verdict checked(RetryDecision decision) {
    if (decision == null) {
      throw new NullPointerException("the retry policy returned null; return RetryDecision.RETHROW to give up");
    }
    return Verdict.of(decision);
  }
}
