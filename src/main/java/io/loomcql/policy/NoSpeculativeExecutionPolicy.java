package io.loomcql.policy;

import io.loomcql.Statement;
import java.time.Duration;

/** Never starts a speculative execution (the default). */
public final class NoSpeculativeExecutionPolicy implements SpeculativeExecutionPolicy {
  /** A shared instance: the policy has no state. */
  public static final NoSpeculativeExecutionPolicy INSTANCE = new NoSpeculativeExecutionPolicy();

  private NoSpeculativeExecutionPolicy() {}

  @Override
  public Duration nextExecution(String keyspace, Statement<?> statement, int runningExecutions) {
    return null;
  }

  @Override
  public String toString() {
    return "NoSpeculativeExecutionPolicy";
  }
}
