package io.loomcql.policy;

import java.time.Duration;

/**
 * When to try again after a node's connections were lost. Each outage gets a fresh
 * {@link Schedule}; implementations are shared and must be thread-safe, schedules need not be.
 */
@FunctionalInterface
public interface ReconnectionPolicy {
  Schedule newSchedule();

  /** The delays of one outage: the first call gives the wait before the first retry. */
  @FunctionalInterface
  interface Schedule {
    Duration nextDelay();
  }
}
