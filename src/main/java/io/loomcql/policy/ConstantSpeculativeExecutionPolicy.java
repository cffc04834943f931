package io.loomcql.policy;

import io.loomcql.Statement;
import java.time.Duration;
import java.util.Objects;

/**
 * Starts another execution every {@code delay} while no answer came, up to {@code maxExecutions}
 * executions in all (the first one included).
 */
public final class ConstantSpeculativeExecutionPolicy implements SpeculativeExecutionPolicy {
  private final Duration delay;
  private final int maxExecutions;

  /**
   * A policy starting a further execution every {@code delay}.
   *
   * @param delay the wait before each further execution; zero starts them together
   * @param maxExecutions the most executions of one request, at least 1 (1 means none
   *     speculative)
   * @throws NullPointerException if {@code delay} is null
   * @throws IllegalArgumentException if {@code delay} is negative or {@code maxExecutions} is less
   *     than 1
   */
  public ConstantSpeculativeExecutionPolicy(Duration delay, int maxExecutions) {
    Objects.requireNonNull(delay, "delay");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay must not be negative, got " + delay);
    }
    if (maxExecutions < 1) {
      throw new IllegalArgumentException("maxExecutions must be at least 1, got " + maxExecutions);
    }
    this.delay = delay;
    this.maxExecutions = maxExecutions;
  }

  @Override
  public Duration nextExecution(String keyspace, Statement<?> statement, int runningExecutions) {
    return runningExecutions < maxExecutions ? delay : null;
  }

  @Override
  public String toString() {
    return "ConstantSpeculativeExecutionPolicy[delay " + delay + ", at most " + maxExecutions + " executions]";
  }
}
