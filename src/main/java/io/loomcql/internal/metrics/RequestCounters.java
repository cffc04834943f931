package io.loomcql.internal.metrics;

import io.loomcql.MetricsSnapshot;
import io.loomcql.error.OperationTimedOutException;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The counters of one scope (a session, or a session's requests to one node). Thread-safe:
 * every field is an adder, a concurrent map or the lock-free histogram.
 */
public final class RequestCounters {
  private final LongAdder requests = new LongAdder();
  private final LongAdder errors = new LongAdder();
  private final ConcurrentHashMap<Class<?>, LongAdder> errorsByType = new ConcurrentHashMap<>();
  private final LongAdder clientTimeouts = new LongAdder();
  private final LongAdder retries = new LongAdder();
  private final LongAdder speculativeExecutions = new LongAdder();
  private final LongAdder inFlight = new LongAdder();
  private final LatencyHistogram latency = new LatencyHistogram();

  public void started() {
    inFlight.increment();
  }

  /**
   * @param error null on success
   */
  public void finished(long latencyNanos, Throwable error, int retryCount, int speculative) {
    inFlight.decrement();
    requests.increment();
    latency.record(latencyNanos);
    if (retryCount > 0) {
      retries.add(retryCount);
    }
    if (speculative > 0) {
      speculativeExecutions.add(speculative);
    }
    if (error != null) {
      errors.increment();
      errorsByType.computeIfAbsent(error.getClass(), type -> new LongAdder()).increment();
      if (error instanceof OperationTimedOutException) {
        clientTimeouts.increment();
      }
    }
  }

  /** An attempt on a node ended (never in flight in this scope: nodes count what ended). */
  public void finishedAttempt(long latencyNanos, Throwable error) {
    inFlight.increment();
    finished(latencyNanos, error, 0, 0);
  }

  /** Adds this scope's counts into {@code sum}. */
  public void addTo(Sum sum) {
    sum.requests += requests.sum();
    sum.errors += errors.sum();
    errorsByType.forEach((type, count) -> sum.errorsByType.merge(type.getSimpleName(), count.sum(), Long::sum));
    sum.clientTimeouts += clientTimeouts.sum();
    sum.retries += retries.sum();
    sum.speculativeExecutions += speculativeExecutions.sum();
    sum.inFlight += inFlight.sum();
    sum.histograms.add(latency);
  }

  /** Counts being added up from several scopes, then turned into a snapshot. */
  public static final class Sum {
    /** Adds requests in flight counted elsewhere (a pool's stream ids). */
    public void addInFlight(long count) {
      inFlight += count;
    }

    long requests;
    long errors;
    final Map<String, Long> errorsByType = new TreeMap<>();
    long clientTimeouts;
    long retries;
    long speculativeExecutions;
    long inFlight;
    final java.util.List<LatencyHistogram> histograms = new java.util.ArrayList<>();

    public MetricsSnapshot snapshot(long openConnections, long bytesSent, long bytesReceived) {
      long count = 0;
      long p50 = 0;
      long p99 = 0;
      long p999 = 0;
      long max = 0;
      if (histograms.size() == 1) {
        long[] q = histograms.get(0).quantiles(0.5, 0.99, 0.999);
        count = q[0];
        p50 = q[1];
        p99 = q[2];
        p999 = q[3];
        max = histograms.get(0).maxNanos();
      } else if (!histograms.isEmpty()) {
        LatencyHistogram merged = LatencyHistogram.merge(histograms);
        long[] q = merged.quantiles(0.5, 0.99, 0.999);
        count = q[0];
        p50 = q[1];
        p99 = q[2];
        p999 = q[3];
        max = merged.maxNanos();
      }
      return new MetricsSnapshot(requests, errors, errorsByType, clientTimeouts, retries, speculativeExecutions,
          inFlight, openConnections, bytesSent, bytesReceived,
          new MetricsSnapshot.Latency(count, Duration.ofNanos(p50), Duration.ofNanos(p99), Duration.ofNanos(p999),
              Duration.ofNanos(max)));
    }
  }
}
