package io.loomcql.policy;

import java.time.Duration;

/**
 * When to try again after a node's connections were lost. Each outage gets a fresh
 * {@link Schedule}; implementations are shared and must be thread-safe, schedules need not be.
 */
@FunctionalInterface
public interface ReconnectionPolicy {
  /**
   * Starts the schedule of one outage, when a node's connections are lost.
   *
   * @return a new schedule, used by one thread
   */
  Schedule newSchedule();

  /** The delays of one outage: the first call gives the wait before the first retry. */
  @FunctionalInterface
  interface Schedule {
    /**
     * The wait before the next attempt; called once per failed attempt.
     *
     * @return the delay
     */
    Duration nextDelay();
  }
}
