package io.loomcql.internal.session;

import io.loomcql.ExecutionInfo;
import io.loomcql.QueryTrace;
import io.loomcql.internal.request.SharedPlan;
import io.loomcql.internal.request.SpeculativeRace;
import io.loomcql.metadata.Host;
import io.loomcql.policy.RetryDecision;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * What one request that did not go the common way knows: its plan and every failed attempt so
 * far. Made only once an attempt fails or speculative executions start: a request answered at
 * its first attempt needs none of it ({@link #answeredAtOnce}). Read by the request's executions,
 * which are one thread, or several when the request runs speculative executions; the plan and
 * the attempt list are then guarded ({@link #share}, made before the race starts, so a request
 * run by one thread takes no lock).
 */
final class RequestState {
  private final Iterator<Host> plan;
  private SharedPlan shared; // set by share(), before a race starts, then read only
  private ReentrantLock lock; // likewise: one thread needs none
  private SpeculativeRace<?> race;
  private List<ExecutionInfo.Attempt> failures; // null until an attempt fails

  /** @param plan the rest of the request's plan, taken over */
  RequestState(Iterator<Host> plan) {
    this.plan = plan;
  }

  /** Makes the plan safe for several executions; returns it. Called before the race starts. */
  SharedPlan share() {
    lock = new ReentrantLock();
    shared = new SharedPlan(plan);
    return shared;
  }

  void race(SpeculativeRace<?> race) {
    this.race = race;
  }

  /** The next node to try, or null when the plan is used up. */
  Host nextHost() {
    if (shared != null) {
      return shared.next();
    }
    return plan.hasNext() ? plan.next() : null;
  }

  void failed(Host host, int execution, Throwable error, RetryDecision decision) {
    lock();
    try {
      if (failures == null) {
        failures = new ArrayList<>(2);
      }
      failures.add(new ExecutionInfo.Attempt(host, execution, error, decision));
    } finally {
      unlock();
    }
  }

  private void lock() {
    if (lock != null) {
      lock.lock();
    }
  }

  private void unlock() {
    if (lock != null) {
      lock.unlock();
    }
  }

  /** Every node that failed and its last error, in the order they failed. */
  Map<Host, Throwable> errors() {
    Map<Host, Throwable> errors = new LinkedHashMap<>();
    lock();
    try {
      if (failures != null) {
        for (ExecutionInfo.Attempt attempt : failures) {
          errors.put(attempt.host(), attempt.error());
        }
      }
    } finally {
      unlock();
    }
    return errors;
  }

  /**
   * How a request went that {@code coordinator} answered at its first attempt, in its only
   * execution: all a request needs to know, so such a request makes no {@code RequestState}.
   */
  static ExecutionInfo answeredAtOnce(
      Host coordinator, List<String> warnings, UUID tracingId, boolean schemaInAgreement,
      Function<Duration, QueryTrace> traces) {
    return new ExecutionInfo(coordinator, warnings, tracingId, 0, schemaInAgreement,
        List.of(new ExecutionInfo.Attempt(coordinator, 0, null, null)), traces);
  }

  /** How the request went, once {@code coordinator} answered in {@code execution}. */
  ExecutionInfo info(
      Host coordinator, int execution, List<String> warnings, UUID tracingId, boolean schemaInAgreement,
      Function<Duration, QueryTrace> traces) {
    List<ExecutionInfo.Attempt> attempts;
    ExecutionInfo.Attempt answered = new ExecutionInfo.Attempt(coordinator, execution, null, null);
    lock();
    try {
      if (failures == null) {
        attempts = List.of(answered);
      } else {
        attempts = new ArrayList<>(failures);
        attempts.add(answered);
      }
    } finally {
      unlock();
    }
    int speculative = race == null ? 0 : race.started() - 1;
    return new ExecutionInfo(coordinator, warnings, tracingId, speculative, schemaInAgreement, attempts, traces);
  }
}
