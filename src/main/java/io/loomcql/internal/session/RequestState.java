package io.loomcql.internal.session;

import io.loomcql.ExecutionInfo;
import io.loomcql.QueryTrace;
import io.loomcql.Statement;
import io.loomcql.internal.protocol.Request;
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
 * One request in flight: what to send, its deadline, its plan and every failed attempt so far.
 * Read by the request's executions, which are one thread, or several when the request runs
 * speculative executions; the attempt list is guarded by a lock for that case (made when the
 * race starts, so a request run by one thread takes none).
 */
final class RequestState {
  final Statement<?> statement;
  final Request request;
  final long deadlineNanos;
  final boolean idempotent;
  private final Iterator<Host> plan;
  private SharedPlan shared; // set before a race starts, then read only
  private SpeculativeRace<?> race;
  private ReentrantLock lock; // set by share(), before other executions start: one thread needs none
  private List<ExecutionInfo.Attempt> failures; // null until an attempt fails: the common case allocates nothing

  RequestState(Statement<?> statement, Request request, long deadlineNanos, boolean idempotent, Iterator<Host> plan) {
    this.statement = statement;
    this.request = request;
    this.deadlineNanos = deadlineNanos;
    this.idempotent = idempotent;
    this.plan = plan;
  }

  /** Makes the plan safe for several executions; returns it. */
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

  /**
   * Whether the request ran one execution only and no attempt failed: then nothing can add to
   * its history any more. Called by that execution's thread.
   */
  boolean isSingleAttempt() {
    return race == null && shared == null && failures == null;
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
