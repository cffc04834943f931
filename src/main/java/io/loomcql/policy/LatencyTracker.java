package io.loomcql.policy;

import io.loomcql.metadata.Host;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Each node's time-weighted moving average of latency, for {@link LatencyAwarePolicy}. Shared by
 * every request thread and lock-free: a node's state is an immutable {@link Sample} swapped whole
 * by compare-and-set, so a reader never sees an average from one update with a count from another.
 */
final class LatencyTracker {
  /** A node's average after its latest measurement, and when that was. */
  record Sample(long timestampNanos, long averageNanos, long count) {}

  // Keys are the metadata's own Host instances; requests and events hand the same ones back.
  private final ConcurrentHashMap<Host, AtomicReference<Sample>> byHost = new ConcurrentHashMap<>();
  private final long scaleNanos;

  LatencyTracker(long scaleNanos) {
    this.scaleNanos = scaleNanos;
  }

  void add(Host host, long latencyNanos, long nowNanos) {
    AtomicReference<Sample> state = byHost.get(host);
    if (state == null) {
      state = byHost.computeIfAbsent(host, h -> new AtomicReference<>());
    }
    Sample previous;
    Sample next;
    do {
      previous = state.get();
      next = next(previous, latencyNanos, nowNanos);
    } while (!state.compareAndSet(previous, next));
  }

  /**
   * The average weighs the previous one by {@code ln(1 + d/scale) / (d/scale)}, d being the time
   * since the previous measurement (the Java driver 3 formula): a busy node's average moves
   * smoothly, and one not measured for many scales is judged by its new latency alone.
   */
  private Sample next(Sample previous, long latencyNanos, long nowNanos) {
    if (previous == null) {
      return new Sample(nowNanos, latencyNanos, 1);
    }
    // Two threads may read the clock in one order and update in the other: never go back in time.
    // Compared by difference, not Math.max: nanoTime values may wrap.
    long elapsed = nowNanos - previous.timestampNanos();
    long timestamp = elapsed > 0 ? nowNanos : previous.timestampNanos();
    double scaled = (double) Math.max(1, elapsed) / scaleNanos;
    double previousWeight = Math.log1p(scaled) / scaled;
    long average = (long) ((1 - previousWeight) * latencyNanos + previousWeight * previous.averageNanos());
    return new Sample(timestamp, average, previous.count() + 1);
  }

  Sample sample(Host host) {
    AtomicReference<Sample> state = byHost.get(host);
    return state == null ? null : state.get();
  }

  void remove(Host host) {
    byHost.remove(host);
  }

  /**
   * The lowest average among nodes with at least {@code minimumCount} measurements, the latest
   * no older than {@code maxAgeNanos}; -1 if there is none. Walks every node: call it rarely.
   */
  long best(long nowNanos, long maxAgeNanos, long minimumCount) {
    long best = Long.MAX_VALUE;
    for (AtomicReference<Sample> state : byHost.values()) {
      Sample sample = state.get();
      if (sample != null && sample.count() >= minimumCount && nowNanos - sample.timestampNanos() <= maxAgeNanos) {
        best = Math.min(best, sample.averageNanos());
      }
    }
    return best == Long.MAX_VALUE ? -1 : best;
  }

  Map<Host, Sample> snapshot() {
    Map<Host, Sample> samples = new HashMap<>();
    byHost.forEach((host, state) -> {
      Sample sample = state.get();
      if (sample != null) {
        samples.put(host, sample);
      }
    });
    return samples;
  }
}
