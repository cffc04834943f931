package io.loomcql.policy;

import io.loomcql.Statement;
import java.time.Duration;

/**
 * Decides when the driver sends an idempotent statement to one more node while the earlier
 * executions are still waiting. The first answer wins; the others are cancelled. Statements that
 * are not idempotent never get a speculative execution, whatever the policy says. Runs inline on
 * the request's thread.
 */
@FunctionalInterface
public interface SpeculativeExecutionPolicy {
  /**
   * How long to wait before starting the next execution.
   *
   * @param keyspace the keyspace the request works in, or null
   * @param statement the statement
   * @param runningExecutions how many executions have started so far (1 before the first
   *     speculative one)
   * @return the delay, or null for no further execution
   */
  Duration nextExecution(String keyspace, Statement<?> statement, int runningExecutions);
}
