package io.loomcql.internal.session;

import io.loomcql.BatchStatement;
import io.loomcql.BoundStatement;
import io.loomcql.RequestTracker;
import io.loomcql.SimpleStatement;
import io.loomcql.ExecutionInfo;
import io.loomcql.ResultSet;
import io.loomcql.Statement;
import io.loomcql.error.BusyPoolException;
import io.loomcql.error.ConnectionException;
import io.loomcql.error.DriverException;
import io.loomcql.error.NoHostAvailableException;
import io.loomcql.error.OperationTimedOutException;
import io.loomcql.internal.connection.Connection;
import io.loomcql.internal.connection.ResponseFrame;
import io.loomcql.internal.protocol.ColumnSpecCache;
import io.loomcql.internal.protocol.ErrorDetails;
import io.loomcql.internal.protocol.ErrorMapper;
import io.loomcql.internal.protocol.ErrorResponse;
import io.loomcql.internal.jfr.RequestEvent;
import io.loomcql.internal.metrics.SessionMetrics;
import io.loomcql.internal.pool.ReconnectingException;
import io.loomcql.internal.protocol.Request;
import io.loomcql.internal.request.AttemptLatency;
import io.loomcql.internal.request.RetryDecider;
import io.loomcql.internal.request.SpeculativeRace;
import io.loomcql.internal.request.Verdict;
import io.loomcql.metadata.Host;
import io.loomcql.policy.LoadBalancingPolicy;
import io.loomcql.policy.NoSpeculativeExecutionPolicy;
import io.loomcql.policy.RequestThrottler;
import io.loomcql.policy.RetryDecision;
import io.loomcql.policy.SpeculativeExecutionPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import jdk.jfr.FlightRecorder;

/**
 * Runs requests from plan to result on the caller's thread: each attempt borrows a connection of
 * the next node, sends, and on failure asks the retry policy what to do. Idempotent statements
 * with a speculative execution policy run their executions in a {@link SpeculativeRace} instead.
 * Stateless (per-request state lives in {@link RequestState}); shared by all callers of a session.
 */
final class RequestRunner {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RequestRunner.class);
  private final DefaultSession session;
  private final SessionPools pools;
  private final DriverConfig config;
  private final LoadBalancingPolicy balancing;
  private final SpeculativeExecutionPolicy speculative;
  private final RequestThrottler throttler;
  private final SessionMetrics metrics; // null when metrics are off: one branch per request
  private final RequestTracker tracker; // null unless the user set one
  private final boolean timesAttempts; // false when nothing reads an attempt's latency: no clock read for it

  RequestRunner(DefaultSession session, SessionPools pools, DriverConfig config, SessionMetrics metrics) {
    this.metrics = metrics;
    this.tracker = config.requests().tracker();
    this.session = session;
    this.pools = pools;
    this.config = config;
    this.balancing = config.loadBalancing();
    this.speculative = config.requests().speculative();
    this.throttler = config.requests().throttler();
    this.timesAttempts = metrics != null || tracker != null || AttemptLatency.readBy(balancing);
  }

  /**
   * Runs a request that started at {@code start} (its first attempt counts from there, which
   * saves a clock read per request) and must finish by {@code deadline}.
   */
  ResultSet execute(
      Statement<?> statement, Request request, String keyspace, boolean idempotent, long start, long deadline) {
    // No recording can be on before JFR initialized: then skip even creating the event (one static read).
    if (metrics == null && tracker == null && !FlightRecorder.isInitialized()) {
      return run(statement, request, keyspace, idempotent, start, deadline);
    }
    return observed(statement, request, keyspace, idempotent, start, deadline);
  }

  /** A request that metrics, a tracker or a JFR recording may want to see. */
  private ResultSet observed(
      Statement<?> statement, Request request, String keyspace, boolean idempotent, long start, long deadline) {
    RequestEvent event = new RequestEvent();
    event.begin();
    if (metrics == null && tracker == null && !event.isEnabled()) {
      return run(statement, request, keyspace, idempotent, start, deadline);
    }
    if (metrics != null) {
      metrics.requests().started();
    }
    ResultSet result = null;
    Throwable error = null;
    try {
      result = run(statement, request, keyspace, idempotent, start, deadline);
      return result;
    } catch (RuntimeException | Error e) {
      error = e;
      throw e;
    } finally {
      finished(statement, System.nanoTime() - start, result, error, event);
    }
  }

  private void finished(Statement<?> statement, long latency, ResultSet result, Throwable error, RequestEvent event) {
    ExecutionInfo info = result == null ? null : result.executionInfo();
    if (metrics != null) {
      metrics.requests().finished(latency, error, info == null ? 0 : info.retries(),
          info == null ? 0 : info.speculativeExecutions());
    }
    if (tracker != null) {
      try {
        if (error == null) {
          tracker.onSuccess(statement, latency, info);
        } else {
          tracker.onError(statement, latency, error);
        }
      } catch (RuntimeException e) {
        LOG.warn("The request tracker {} failed; ignoring it for this request", tracker, e);
      }
    }
    event.end();
    if (event.shouldCommit()) {
      event.statementKind = statement.getClass().getSimpleName();
      event.query = switch (statement) {
        case SimpleStatement simple -> simple.query();
        case BoundStatement bound -> bound.preparedStatement().query();
        case BatchStatement batch -> "BATCH of " + batch.size();
      };
      if (info != null) {
        event.coordinator = info.coordinator().address().toString();
        event.attempts = info.attempts().size();
        event.speculativeExecutions = info.speculativeExecutions();
      }
      event.error = error == null ? null : error.getClass().getSimpleName();
      event.commit();
    }
  }

  private ResultSet run(
      Statement<?> statement, Request request, String keyspace, boolean idempotent, long start, long deadline) {
    acquire(statement, start, deadline);
    try {
      Iterator<Host> plan = balancing.newQueryPlan(keyspace, statement);
      Duration first = idempotent && speculative != NoSpeculativeExecutionPolicy.INSTANCE
          ? speculative.nextExecution(keyspace, statement, 1)
          : null;
      if (first == null) {
        // The common case: one execution, on this thread, which makes its state only if it needs one.
        return runExecution(statement, request, deadline, idempotent, plan, null, 0, start);
      }
      RequestState state = new RequestState(plan);
      SpeculativeRace<ResultSet> race = new SpeculativeRace<>(
          index -> runExecution(statement, request, deadline, idempotent, null, state, index, System.nanoTime()),
          started -> started == 1 ? first : speculative.nextExecution(keyspace, statement, started),
          state.share());
      state.race(race);
      ResultSet result = race.run(deadline, statement.toString());
      if (result == null) {
        throw session.noHost(statement, state.errors());
      }
      return result;
    } finally {
      throttler.release();
    }
  }

  private void acquire(Statement<?> statement, long start, long deadline) {
    boolean acquired;
    try {
      // The whole timeout: the request started a moment ago (no clock read for the default throttler).
      acquired = throttler.acquire(deadline - start);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DriverException("interrupted while waiting for the request throttler to let " + statement + " through");
    }
    if (!acquired) {
      throw new OperationTimedOutException("the request throttler (" + throttler + ") did not let " + statement
          + " through within its timeout");
    }
  }

  /**
   * One execution: nodes from the plan until one answers or the retry policy gives up. Its first
   * attempt's latency counts from {@code firstAttemptStart}, when the execution began.
   *
   * <p>A request's only execution gets {@code plan} and no state: most are answered at their first
   * attempt, and need none. It makes its {@link RequestState} (over the rest of the same plan) once
   * an attempt fails. An execution of a speculative race gets the race's shared state instead.
   *
   * @return the result; or, for an execution of a race, null when the plan ran out
   * @throws NoHostAvailableException when the plan of a request's only execution ran out
   */
  private ResultSet runExecution(
      Statement<?> statement, Request request, long deadline, boolean idempotent, Iterator<Host> plan,
      RequestState shared, int execution, long firstAttemptStart) {
    RequestState state = shared;
    int retryCount = 0;
    // Nodes skipped on the first pass, because their pools reconnect or every stream id is taken:
    // another node may answer at once. They are waited for only once the plan ran out.
    List<Host> deferred = null;
    Host host = nextHost(state, plan);
    boolean patient = false;
    boolean first = true;
    while (true) {
      if (host == null) {
        if (deferred == null || deferred.isEmpty()) {
          if (shared == null) {
            throw session.noHost(statement, state == null ? null : state.errors());
          }
          return null;
        }
        host = deferred.remove(0);
        patient = true;
      }
      if (Thread.currentThread().isInterrupted()) {
        throw new DriverException("cancelled " + statement + " (interrupted; another execution may have answered)");
      }
      SessionPools.Entry node = pools.entry(host);
      if (node == null) {
        host = nextHost(state, plan); // ignored by the policy, or left the cluster since the plan was made
        continue;
      }
      // The first attempt starts with the execution; later ones read the clock only if timed.
      long started = first || !timesAttempts ? firstAttemptStart : System.nanoTime();
      first = false;
      Connection connection;
      try {
        connection = session.connection(node, deadline, patient);
      } catch (ReconnectingException e) {
        deferred = defer(deferred, host);
        host = nextHost(state, plan);
        continue;
      } catch (ConnectionException | BusyPoolException e) {
        state = made(state, plan);
        state.failed(host, execution, e, RetryDecision.RETRY_NEXT); // nothing was sent: any statement may go elsewhere
        host = state.nextHost();
        continue;
      }
      RuntimeException error;
      try {
        // Not patient yet: a node whose ids are all taken is skipped (nothing is sent). A slow
        // node holds all its ids, and the ids it frees go to newer requests first (the wait is
        // not fair, for speed), so waiting on it could last the whole timeout.
        ResponseFrame answer = send(connection, request, statement, deadline, patient);
        if (answer == null) {
          deferred = defer(deferred, host);
          host = nextHost(state, plan);
          continue;
        }
        if (!(answer.message(null) instanceof ErrorResponse refusal)) {
          completed(statement, host, started, null);
          return session.toResultSet(statement, connection, answer, node, state, execution, deadline);
        }
        error = ErrorMapper.toException(refusal, connection.address());
      } catch (OperationTimedOutException e) {
        completed(statement, host, started, e);
        if (state != null) { // a race reports the failures of all its executions
          state.failed(host, execution, e, RetryDecision.RETHROW);
        }
        throw e; // the request's own deadline passed: no time is left for another node
      } catch (DriverException e) {
        error = e;
      }
      completed(statement, host, started, error);
      Verdict verdict = RetryDecider.decide(config.requests().retry(), statement, idempotent, error, retryCount);
      state = made(state, plan);
      state.failed(host, execution, error, verdict.decision());
      if (verdict.byPolicy()) {
        retryCount++;
      }
      switch (verdict.decision()) {
        case RETRY_SAME -> {}
        case RETRY_NEXT -> host = state.nextHost();
        case IGNORE -> {
          return session.ignored(statement, host, state, execution);
        }
        case RETHROW -> throw rethrown(error, statement, idempotent, session);
      }
    }
  }

  /** The next node: from the state once there is one, else from the plan it will take over. */
  private static Host nextHost(RequestState state, Iterator<Host> plan) {
    if (state != null) {
      return state.nextHost();
    }
    return plan.hasNext() ? plan.next() : null;
  }

  /** The request's state, made on first need over what is left of {@code plan}. */
  private static RequestState made(RequestState state, Iterator<Host> plan) {
    return state != null ? state : new RequestState(plan);
  }

  private static List<Host> defer(List<Host> deferred, Host host) {
    List<Host> list = deferred == null ? new ArrayList<>(2) : deferred;
    list.add(host);
    return list;
  }

  /** An attempt that started at {@code startNanos} ended: tells whoever reads its latency. */
  private void completed(Statement<?> statement, Host host, long startNanos, Throwable error) {
    if (!timesAttempts) {
      return;
    }
    long latencyNanos = System.nanoTime() - startNanos;
    balancing.onRequestCompleted(host, latencyNanos, error);
    if (metrics != null) {
      metrics.attempt(host, latencyNanos, error);
    }
    if (tracker != null) {
      try {
        tracker.onAttempt(statement, host, latencyNanos, error);
      } catch (RuntimeException e) {
        LOG.warn("The request tracker {} failed; ignoring it for this attempt", tracker, e);
      }
    }
  }

  /**
   * Sends once; an UNPREPARED answer makes the node prepare the statement again, then it is sent
   * once more.
   *
   * @return the answer, decoded (its {@link ResponseFrame#message} is known), or null if {@code
   *     waitForId} is false and the connection had no free stream id (nothing was sent)
   */
  private ResponseFrame send(Connection connection, Request request, Statement<?> statement, long deadline, boolean waitForId) {
    ColumnSpecCache known = statement instanceof BoundStatement bound
        && bound.preparedStatement() instanceof DefaultPreparedStatement prepared ? prepared.resultSpecs() : null;
    ResponseFrame raw = connection.send(request, statement.isTracing(), statement.customPayload(), deadline, waitForId);
    if (raw == null) {
      return null;
    }
    if (raw.message(known) instanceof ErrorResponse error
        && error.details() instanceof ErrorDetails.Unprepared
        && statement instanceof BoundStatement bound) {
      session.reprepare(connection, bound.preparedStatement(), deadline);
      raw = connection.send(request, statement.isTracing(), statement.customPayload(), deadline);
      raw.message(known);
    }
    return raw;
  }

  private static RuntimeException rethrown(
      RuntimeException error, Statement<?> statement, boolean idempotent, DefaultSession session) {
    if (session.isClosed() && error instanceof ConnectionException) {
      return new IllegalStateException("the session was closed while executing " + statement, error);
    }
    if (error instanceof ConnectionException broken && !idempotent) {
      return new ConnectionException(broken.address(), broken.getMessage() + " (the statement may have run, and it is"
          + " not idempotent, so it was not sent again: mark it setIdempotent(true) to allow another node)", broken);
    }
    return error;
  }
}
