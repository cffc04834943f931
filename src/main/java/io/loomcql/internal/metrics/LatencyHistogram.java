package io.loomcql.internal.metrics;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Latencies in log-linear buckets, as HdrHistogram lays them out: each power of two from 1 µs up
 * is split into 32 equal sub-buckets, so a percentile is off by at most 1/32 (3%) of its value,
 * from 1 µs to about 9 minutes, in 1,000-odd counters. Recording is one atomic increment;
 * reading walks the counters, so a snapshot taken during recording may be off by the requests
 * in flight. Thread-safe without locks.
 */
public final class LatencyHistogram {
  private static final int SUB_BUCKET_BITS = 5;
  private static final int SUB_BUCKETS = 1 << SUB_BUCKET_BITS;
  private static final int MAGNITUDES = 30; // 2^30 µs is about 18 minutes
  private static final int UNIT_SHIFT = 10; // nanoseconds to (about) microseconds: 1,024 ns

  private final AtomicLongArray counts = new AtomicLongArray(MAGNITUDES * SUB_BUCKETS);
  private final java.util.concurrent.atomic.LongAccumulator max =
      new java.util.concurrent.atomic.LongAccumulator(Math::max, 0);

  public void record(long nanos) {
    if (nanos < 0) {
      nanos = 0;
    }
    counts.incrementAndGet(index(nanos >>> UNIT_SHIFT));
    max.accumulate(nanos);
  }

  static int index(long units) {
    if (units < SUB_BUCKETS) {
      return (int) units; // magnitude 0: one bucket per unit
    }
    int magnitude = 63 - Long.numberOfLeadingZeros(units) - SUB_BUCKET_BITS + 1; // >= 1
    if (magnitude >= MAGNITUDES) {
      return MAGNITUDES * SUB_BUCKETS - 1;
    }
    int sub = (int) (units >>> (magnitude - 1)) - SUB_BUCKETS; // 0 .. SUB_BUCKETS - 1 (top bit dropped)
    return magnitude * SUB_BUCKETS + sub;
  }

  /** The upper bound of a bucket, in nanoseconds. */
  static long upperBoundNanos(int index) {
    int magnitude = index / SUB_BUCKETS;
    int sub = index % SUB_BUCKETS;
    long units = magnitude == 0 ? sub + 1 : ((long) (SUB_BUCKETS + sub + 1)) << (magnitude - 1);
    return units << UNIT_SHIFT;
  }

  /** The count, and the latencies at the given quantiles (0 to 1), in nanoseconds. */
  public long[] quantiles(double... quantiles) {
    long[] copy = new long[counts.length()];
    long total = 0;
    for (int i = 0; i < copy.length; i++) {
      copy[i] = counts.get(i);
      total += copy[i];
    }
    long[] result = new long[quantiles.length + 1];
    result[0] = total;
    if (total == 0) {
      return result;
    }
    long maxNanos = max.get();
    for (int q = 0; q < quantiles.length; q++) {
      long rank = Math.max(1, (long) Math.ceil(quantiles[q] * total));
      long seen = 0;
      for (int i = 0; i < copy.length; i++) {
        seen += copy[i];
        if (seen >= rank) {
          result[q + 1] = Math.min(upperBoundNanos(i), maxNanos);
          break;
        }
      }
    }
    return result;
  }

  public long maxNanos() {
    return max.get();
  }

  /** A new histogram holding the counts of all of {@code parts} (a copy: later records are not seen). */
  static LatencyHistogram merge(java.util.List<LatencyHistogram> parts) {
    LatencyHistogram merged = new LatencyHistogram();
    for (LatencyHistogram part : parts) {
      for (int i = 0; i < part.counts.length(); i++) {
        long count = part.counts.get(i);
        if (count != 0) {
          merged.counts.addAndGet(i, count);
        }
      }
      merged.max.accumulate(part.max.get());
    }
    return merged;
  }
}
