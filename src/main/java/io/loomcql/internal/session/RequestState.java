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
 * Made only once an attempt fails or speculative executions start: a request answered at its
 * first attempt needs none of it ({@link #answeredAtOnce}).
 * Read by the request's executions, which are one thread, or several when the request runs
 * speculative executions; the attempt list is guarded by a lock for that case (made when the
 * race starts, so a request run by one thread takes none). What only a failed attempt or a race
 * needs lives in a {@link History} made on first need: the common request, answered at its first
 * attempt, carries just the fields it reads.
 */
final class RequestState {
  final Statement<?> statement;
  final Request request;
  final long deadlineNanos;
  final boolean idempotent;
  private final Iterator<Host> plan;
  private History history; // null until an attempt fails or a race starts

  /** A race's shared plan and lock, and the failed attempts. */
  private static final class History {
    SharedPlan shared; // set before a race starts, then read only
    SpeculativeRace<?> race;
    ReentrantLock lock; // set by share(), before other executions start: one thread needs none
    List<ExecutionInfo.Attempt> failures; // null until an attempt fails
  }

  RequestState(Statement<?> statement, Request request, long deadlineNanos, boolean idempotent, Iterator<Host> plan) {
    this.statement = statement;
    this.request = request;
    this.deadlineNanos = deadlineNanos;
    this.idempotent = idempotent;
    this.plan = plan;
  }

  private History history() {
    if (history == null) {
      history = new History();
    }
    return history;
  }

  /** Makes the plan safe for several executions; returns it. Called before the race starts. */
  SharedPlan share() {
    History h = history();
    h.lock = new ReentrantLock();
    h.shared = new SharedPlan(plan);
    return h.shared;
  }

  void race(SpeculativeRace<?> race) {
    history().race = race;
  }

  /** The next node to try, or null when the plan is used up. */
  Host nextHost() {
    History h = history;
    if (h != null && h.shared != null) {
      return h.shared.next();
    }
    return plan.hasNext() ? plan.next() : null;
  }

  void failed(Host host, int execution, Throwable error, RetryDecision decision) {
    History h = history(); // made by share() already when several executions may get here
    lock();
    try {
      if (h.failures == null) {
        h.failures = new ArrayList<>(2);
      }
      h.failures.add(new ExecutionInfo.Attempt(host, execution, error, decision));
    } finally {
      unlock();
    }
  }

  private void lock() {
    History h = history;
    if (h != null && h.lock != null) {
      h.lock.lock();
    }
  }

  private void unlock() {
    History h = history;
    if (h != null && h.lock != null) {
      h.lock.unlock();
    }
  }

  /** Every node that failed and its last error, in the order they failed. */
  Map<Host, Throwable> errors() {
    Map<Host, Throwable> errors = new LinkedHashMap<>();
    lock();
    try {
      if (history != null && history.failures != null) {
        for (ExecutionInfo.Attempt attempt : history.failures) {
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
      if (history == null || history.failures == null) {
        attempts = List.of(answered);
      } else {
        attempts = new ArrayList<>(history.failures);
        attempts.add(answered);
      }
    } finally {
      unlock();
    }
    int speculative = history == null || history.race == null ? 0 : history.race.started() - 1;
    return new ExecutionInfo(coordinator, warnings, tracingId, speculative, schemaInAgreement, attempts, traces);
  }
}
