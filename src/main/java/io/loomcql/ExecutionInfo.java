package io.loomcql;

import io.loomcql.error.TraceUnavailableException;
import io.loomcql.metadata.Host;
import io.loomcql.policy.RetryDecision;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * How a request was executed: which nodes it went to, what failed on the way, what each failure
 * made the driver do, and the server's warnings. Immutable; safe to share.
 */
public final class ExecutionInfo {
  /** How long {@link #queryTrace()} waits for a trace the server has not finished writing. */
  public static final Duration DEFAULT_TRACE_WAIT = Duration.ofSeconds(3);

  /**
   * One send of the request to one node.
   *
   * @param host the node
   * @param execution 0 for the first execution, 1 and up for speculative ones
   * @param error why it failed, or null for the attempt that answered
   * @param decision what the failure made the driver do (the retry policy's decision, or
   *     {@link RetryDecision#RETRY_NEXT} when nothing was sent or the node was bootstrapping), or
   *     null for the attempt that answered and for one cancelled because another execution won
   */
  public record Attempt(Host host, int execution, Throwable error, RetryDecision decision) {}

  private final Host coordinator;
  private final List<String> warnings;
  private final UUID tracingId;
  private final int speculativeExecutions;
  private final boolean schemaInAgreement;
  private final List<Attempt> attempts;
  private final Function<Duration, QueryTrace> traces;

  /**
   * Describes one request. The driver builds one per request.
   *
   * @param coordinator the node that answered
   * @param warnings warnings the server attached to its response
   * @param tracingId the trace's session id when tracing was on, else null
   * @param speculativeExecutions extra executions started beyond the first
   * @param schemaInAgreement false only after a DDL statement when the nodes did not agree on the
   *     schema within {@code withMaxSchemaAgreementWait}
   * @param attempts every attempt, in the order they ended; the answering one is last
   * @param traces fetches the trace of {@code tracingId}, waiting up to the given time; null when
   *     there is no way to fetch it
   */
  public ExecutionInfo(
      Host coordinator,
      List<String> warnings,
      UUID tracingId,
      int speculativeExecutions,
      boolean schemaInAgreement,
      List<Attempt> attempts,
      Function<Duration, QueryTrace> traces) {
    this.coordinator = coordinator;
    this.warnings = List.copyOf(warnings);
    this.tracingId = tracingId;
    this.speculativeExecutions = speculativeExecutions;
    this.schemaInAgreement = schemaInAgreement;
    this.attempts = List.copyOf(attempts);
    this.traces = traces;
  }

  /** {@return the node that answered} */
  public Host coordinator() {
    return coordinator;
  }

  /**
   * {@return every node the request was sent to, in order (a node retried on appears again): the
   * hosts of {@link #attempts()}}
   */
  public List<Host> triedHosts() {
    if (attempts.size() == 1) {
      return List.of(attempts.get(0).host()); // the common case
    }
    return attempts.stream().map(Attempt::host).toList();
  }

  /** {@return the warnings the server attached to its response (large batches, tombstones, ...)} */
  public List<String> warnings() {
    return warnings;
  }

  /** {@return the trace's session id when tracing was on ({@code setTracing(true)}), else null} */
  public UUID tracingId() {
    return tracingId;
  }

  /** {@return how many speculative executions were started beyond the first} */
  public int speculativeExecutions() {
    return speculativeExecutions;
  }

  /**
   * Whether the nodes agreed on the schema when a DDL statement returned.
   *
   * @return {@code false} only after a DDL statement whose schema change did not reach every node
   *     believed up within {@code withMaxSchemaAgreementWait}; {@code true} for other statements
   */
  public boolean isSchemaInAgreement() {
    return schemaInAgreement;
  }

  /** {@return every attempt and what its failure made the driver do; the answering one is last} */
  public List<Attempt> attempts() {
    return attempts;
  }

  /**
   * How many failed attempts were followed by another one (same node or next), within one
   * execution.
   *
   * @return the count of attempts whose decision was {@link RetryDecision#RETRY_SAME} or {@link
   *     RetryDecision#RETRY_NEXT}
   */
  public int retries() {
    int retries = 0;
    for (Attempt attempt : attempts) {
      if (attempt.error() != null
          && (attempt.decision() == RetryDecision.RETRY_SAME || attempt.decision() == RetryDecision.RETRY_NEXT)) {
        retries++;
      }
    }
    return retries;
  }

  /**
   * Fetches this request's trace from {@code system_traces}, waiting up to
   * {@link #DEFAULT_TRACE_WAIT} for the server to finish writing it. Blocks the calling thread.
   *
   * @return the trace
   * @throws IllegalStateException if the request was not traced
   * @throws TraceUnavailableException if the trace is not complete in time
   */
  public QueryTrace queryTrace() {
    return queryTrace(DEFAULT_TRACE_WAIT);
  }

  /**
   * Like {@link #queryTrace()}, waiting up to {@code maxWait}.
   *
   * @param maxWait how long to wait for the server to finish writing the trace
   * @return the trace
   * @throws IllegalStateException if the request was not traced
   * @throws TraceUnavailableException if the trace is not complete in time, or cannot be read
   */
  public QueryTrace queryTrace(Duration maxWait) {
    Objects.requireNonNull(maxWait, "maxWait");
    if (tracingId == null) {
      throw new IllegalStateException("this request was not traced: set tracing on the statement (setTracing(true))");
    }
    if (traces == null) {
      throw new TraceUnavailableException(tracingId, "no session to read the trace with");
    }
    return traces.apply(maxWait);
  }

  @Override
  public String toString() {
    return "ExecutionInfo[coordinator " + coordinator + ", " + attempts.size() + " attempt(s)"
        + (speculativeExecutions > 0 ? ", " + speculativeExecutions + " speculative" : "")
        + (warnings.isEmpty() ? "" : ", warnings " + warnings)
        + (tracingId == null ? "" : ", trace " + tracingId) + "]";
  }
}
