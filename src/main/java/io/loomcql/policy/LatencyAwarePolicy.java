package io.loomcql.policy;

import io.loomcql.Statement;
import io.loomcql.error.FunctionFailureException;
import io.loomcql.error.ReadFailureException;
import io.loomcql.error.ReadTimeoutException;
import io.loomcql.error.WriteFailureException;
import io.loomcql.error.WriteTimeoutException;
import io.loomcql.metadata.Host;
import io.loomcql.metadata.Metadata;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Tries nodes that answer much slower than the fastest one last (the Java driver 3 design). Each
 * node's latency is a time-weighted moving average fed by {@link #onRequestCompleted}; a node whose
 * average exceeds {@code exclusionThreshold} times the best average goes to the end of the wrapped
 * policy's plan, not out of it. A node is judged only once it has {@code minimumMeasurements}, and
 * gets its turn back when its latest measurement is older than {@code retryPeriod}, so that one
 * slow spell is not held against it forever. The best average is recomputed at most once per
 * {@code updateRate}, by the request that finds it due; no thread of its own.
 *
 * <p>What counts: answers, and server errors that went through the read or write path (read and
 * write timeouts and failures, function failures). Not counted: errors a node answers at once
 * (unavailable, overloaded, bootstrapping, invalid or unauthorized requests), connection failures
 * and client-side timeouts, whose time says nothing of how fast the node answers.
 *
 * <p>Wrap {@link TokenAwarePolicy} with it to push slow replicas back too; wrapped by it, replicas
 * come first whatever their latency. Thread-safe and lock-free; per request it costs a clock read,
 * a map lookup per node tried, and an array only when slow nodes are met.
 */
public final class LatencyAwarePolicy implements LoadBalancingPolicy {
  private final LoadBalancingPolicy child;
  private final double exclusionThreshold;
  private final long scaleNanos;
  private final long retryPeriodNanos;
  private final long updateRateNanos;
  private final int minimumMeasurements;
  private final LongSupplier nanoTime;
  private final LatencyTracker tracker;
  private final AtomicLong lastUpdate;
  private volatile long exclusionLimit = Long.MAX_VALUE; // averages above it go last

  LatencyAwarePolicy(Builder builder, LongSupplier nanoTime) {
    this.child = builder.child;
    this.exclusionThreshold = builder.exclusionThreshold;
    this.scaleNanos = builder.scale.toNanos();
    this.retryPeriodNanos = builder.retryPeriod.toNanos();
    this.updateRateNanos = builder.updateRate.toNanos();
    this.minimumMeasurements = builder.minimumMeasurements;
    this.nanoTime = nanoTime;
    this.tracker = new LatencyTracker(scaleNanos);
    this.lastUpdate = new AtomicLong(nanoTime.getAsLong() - updateRateNanos); // first plan computes
  }

  /**
   * A builder with the defaults of the Java driver 3, wrapping {@code child}.
   *
   * @param child the policy whose plans are reordered
   * @return the builder
   * @throws NullPointerException if {@code child} is null
   */
  public static Builder builder(LoadBalancingPolicy child) {
    return new Builder(child);
  }

  /** {@return the wrapped policy} */
  public LoadBalancingPolicy child() {
    return child;
  }

  @Override
  public void init(Metadata metadata, Collection<Host> contactPoints) {
    child.init(metadata, contactPoints);
  }

  @Override
  public HostDistance distance(Host host) {
    return child.distance(host);
  }

  /** The wrapped policy's plan, read as it is consumed, slow nodes moved to its end. */
  @Override
  public Iterator<Host> newQueryPlan(String keyspace, Statement<?> statement) {
    Iterator<Host> plan = child.newQueryPlan(keyspace, statement);
    long now = nanoTime.getAsLong();
    long limit = exclusionLimit(now);
    return limit == Long.MAX_VALUE ? plan : new PushBackPlan(plan, host -> isSlow(host, now, limit));
  }

  private long exclusionLimit(long now) {
    long last = lastUpdate.get();
    if (now - last >= updateRateNanos && lastUpdate.compareAndSet(last, now)) {
      long best = tracker.best(now, retryPeriodNanos, minimumMeasurements);
      exclusionLimit = best < 0 ? Long.MAX_VALUE : (long) Math.min(exclusionThreshold * best, Long.MAX_VALUE);
    }
    return exclusionLimit;
  }

  private boolean isSlow(Host host, long now, long limit) {
    LatencyTracker.Sample sample = tracker.sample(host);
    return sample != null
        && sample.count() >= minimumMeasurements
        && now - sample.timestampNanos() <= retryPeriodNanos
        && sample.averageNanos() > limit;
  }

  @Override
  public void onAdd(Host host) {
    child.onAdd(host);
  }

  @Override
  public void onRemove(Host host) {
    tracker.remove(host);
    child.onRemove(host);
  }

  /** Adds the attempt's latency to the node's average if it measures the node (see above). */
  @Override
  public void onRequestCompleted(Host coordinator, long latencyNanos, Throwable error) {
    if (latencyNanos >= 0 && measuresTheNode(error)) {
      tracker.add(coordinator, latencyNanos, nanoTime.getAsLong());
    }
    child.onRequestCompleted(coordinator, latencyNanos, error);
  }

  private static boolean measuresTheNode(Throwable error) {
    return error == null
        || error instanceof ReadTimeoutException
        || error instanceof WriteTimeoutException
        || error instanceof ReadFailureException
        || error instanceof WriteFailureException
        || error instanceof FunctionFailureException;
  }

  /**
   * What the policy knows of each node it has measured, for metrics and diagnostics: an immutable
   * snapshot, judged against the exclusion limit last computed.
   *
   * @return the latency of each measured node; nodes never measured are absent
   */
  public Map<Host, HostLatency> latencies() {
    long now = nanoTime.getAsLong();
    long limit = exclusionLimit;
    Map<Host, HostLatency> latencies = new HashMap<>();
    tracker.snapshot().forEach((host, sample) -> latencies.put(host, new HostLatency(
        Duration.ofNanos(sample.averageNanos()), sample.count(),
        Duration.ofNanos(Math.max(0, now - sample.timestampNanos())), isSlow(host, now, limit))));
    return Map.copyOf(latencies);
  }

  @Override
  public String toString() {
    return "LatencyAwarePolicy(" + child + ", threshold " + exclusionThreshold + ", scale "
        + Duration.ofNanos(scaleNanos) + ", retry period " + Duration.ofNanos(retryPeriodNanos) + ", update rate "
        + Duration.ofNanos(updateRateNanos) + ", minimum measurements " + minimumMeasurements + ")";
  }

  /**
   * One node's latency as the policy sees it.
   *
   * @param average the moving average
   * @param measurements how many attempts were counted
   * @param sinceLastMeasurement how long ago the latest was
   * @param excluded whether plans try the node last now
   */
  public record HostLatency(Duration average, long measurements, Duration sinceLastMeasurement, boolean excluded) {}

  /** Settings of a {@link LatencyAwarePolicy}; each has the Java driver 3 default. Not thread-safe. */
  public static final class Builder {
    private final LoadBalancingPolicy child;
    private double exclusionThreshold = 2.0;
    private Duration scale = Duration.ofMillis(100);
    private Duration retryPeriod = Duration.ofSeconds(10);
    private Duration updateRate = Duration.ofMillis(100);
    private int minimumMeasurements = 50;

    private Builder(LoadBalancingPolicy child) {
      this.child = Objects.requireNonNull(child, "child");
    }

    /**
     * How many times slower than the best a node may be before it goes last; default 2.
     *
     * @param exclusionThreshold the factor, at least 1
     * @return this builder
     * @throws IllegalArgumentException if the factor is less than 1 or NaN
     */
    public Builder withExclusionThreshold(double exclusionThreshold) {
      if (!(exclusionThreshold >= 1)) {
        throw new IllegalArgumentException("exclusion threshold must be at least 1, got " + exclusionThreshold);
      }
      this.exclusionThreshold = exclusionThreshold;
      return this;
    }

    /**
     * How fast old measurements fade: after one scale without a measurement, the previous average
     * weighs about 69% against the new latency; after ten, about 24%. Default 100 ms.
     *
     * @param scale the scale, positive
     * @return this builder
     * @throws IllegalArgumentException if {@code scale} is zero or negative
     */
    public Builder withScale(Duration scale) {
      this.scale = positive(scale, "scale");
      return this;
    }

    /**
     * How long a slow node goes last after its latest measurement before it is tried in turn;
     * default 10 s.
     *
     * @param retryPeriod the period, zero or more
     * @return this builder
     * @throws IllegalArgumentException if {@code retryPeriod} is negative
     */
    public Builder withRetryPeriod(Duration retryPeriod) {
      Objects.requireNonNull(retryPeriod, "retryPeriod");
      if (retryPeriod.isNegative()) {
        throw new IllegalArgumentException("retry period must not be negative, got " + retryPeriod);
      }
      this.retryPeriod = retryPeriod;
      return this;
    }

    /**
     * How often, at most, the best average is recomputed (a walk over every node); default 100 ms.
     *
     * @param updateRate the interval, positive
     * @return this builder
     * @throws IllegalArgumentException if {@code updateRate} is zero or negative
     */
    public Builder withUpdateRate(Duration updateRate) {
      this.updateRate = positive(updateRate, "update rate");
      return this;
    }

    /**
     * How many measurements a node needs before it can go last; default 50.
     *
     * @param minimumMeasurements the count, zero or more
     * @return this builder
     * @throws IllegalArgumentException if the count is negative
     */
    public Builder withMinimumMeasurements(int minimumMeasurements) {
      if (minimumMeasurements < 0) {
        throw new IllegalArgumentException("minimum measurements must not be negative, got " + minimumMeasurements);
      }
      this.minimumMeasurements = minimumMeasurements;
      return this;
    }

    /** {@return a new policy with these settings, measuring time with {@link System#nanoTime()}} */
    public LatencyAwarePolicy build() {
      return new LatencyAwarePolicy(this, System::nanoTime);
    }

    private static Duration positive(Duration value, String name) {
      Objects.requireNonNull(value, name);
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, got " + value);
      }
      return value;
    }
  }
}
