package io.loomcql;

import java.time.Duration;
import java.util.Map;

/**
 * Request metrics of one scope (all sessions, one session, or the attempts sent to one node) at
 * one moment. Counts are totals since the scope started.
 *
 * @param requests requests that ended (for a node: attempts sent to it that ended)
 * @param errors those that ended in an error
 * @param errorsByType the errors by exception class simple name ({@code ReadTimeoutException},
 *     {@code OperationTimedOutException}, ...)
 * @param clientTimeouts errors that were the client-side request timeout
 * @param retries attempts that followed a failed one (by the retry policy, or to the next node)
 * @param speculativeExecutions speculative executions started
 * @param inFlight requests running now
 * @param openConnections connections open now (to the node, or to all nodes)
 * @param bytesSent bytes written to the sockets, frames and compression included
 * @param bytesReceived bytes read from the sockets
 * @param latency how long requests took, from {@code execute} to the result or the error
 */
public record MetricsSnapshot(
    long requests,
    long errors,
    Map<String, Long> errorsByType,
    long clientTimeouts,
    long retries,
    long speculativeExecutions,
    long inFlight,
    long openConnections,
    long bytesSent,
    long bytesReceived,
    Latency latency) {
  /**
   * Copies the errors by type.
   *
   * @param requests requests that ended
   * @param errors those that ended in an error
   * @param errorsByType the errors by exception class simple name; copied
   * @param clientTimeouts errors that were the client-side request timeout
   * @param retries attempts that followed a failed one
   * @param speculativeExecutions speculative executions started
   * @param inFlight requests running now
   * @param openConnections connections open now
   * @param bytesSent bytes written to the sockets
   * @param bytesReceived bytes read from the sockets
   * @param latency how long requests took
   * @throws NullPointerException if {@code errorsByType} is null or holds a null
   */
  public MetricsSnapshot {
    errorsByType = Map.copyOf(errorsByType);
  }

  /**
   * Latency percentiles, each within 3% of the exact value (the histogram's bucket width). All
   * are zero while nothing was recorded.
   *
   * @param count latencies recorded
   * @param p50 the median
   * @param p99 the 99th percentile
   * @param p999 the 99.9th percentile
   * @param max the longest latency recorded, exact
   */
  public record Latency(long count, Duration p50, Duration p99, Duration p999, Duration max) {}
}
