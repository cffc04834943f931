package io.loomcql.internal.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

  @Property(tries = 200)
  void should_give_each_percentile_within_the_bucket_width_of_the_exact_value(
      @ForAll @Size(min = 1, max = 2_000) List<@LongRange(min = 0, max = 60_000_000_000L) Long> latencies) {
    LatencyHistogram histogram = new LatencyHistogram();
    latencies.forEach(histogram::record);
    long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    double[] quantiles = {0.5, 0.99, 0.999, 1.0};
    long[] result = histogram.quantiles(quantiles);
    assertThat(result[0]).isEqualTo(latencies.size());
    for (int q = 0; q < quantiles.length; q++) {
      long exact = sorted[(int) Math.max(0, Math.ceil(quantiles[q] * sorted.length) - 1)];
      long reported = result[q + 1];
      // Never below the exact value's bucket, never above the max, at most 1/32 + 1 µs above the exact value.
      assertThat(reported).as("q%s of %s", quantiles[q], Arrays.toString(sorted))
          .isBetween(exact - exact / 32 - 1_024, exact + exact / 16 + 2_048)
          .isLessThanOrEqualTo(sorted[sorted.length - 1]);
    }
    assertThat(histogram.maxNanos()).isEqualTo(sorted[sorted.length - 1]);
  }

  @Test
  void should_report_nothing_when_empty_and_merge_counts() {
    LatencyHistogram empty = new LatencyHistogram();
    assertThat(empty.quantiles(0.5)).containsExactly(0, 0);
    LatencyHistogram fast = new LatencyHistogram();
    LatencyHistogram slow = new LatencyHistogram();
    for (int i = 0; i < 99; i++) {
      fast.record(1_000_000); // 1 ms
    }
    slow.record(1_000_000_000); // 1 s
    long[] merged = LatencyHistogram.merge(List.of(fast, slow)).quantiles(0.5, 0.995);
    assertThat(merged[0]).isEqualTo(100);
    assertThat(merged[1]).isBetween(1_000_000L, 1_070_000L);
    assertThat(merged[2]).isBetween(970_000_000L, 1_000_000_000L);
  }

  @Test
  void should_map_every_unit_to_a_bucket_whose_bounds_hold_it() {
    for (long units = 0; units < 1 << 20; units += 1 + units / 50) {
      int index = LatencyHistogram.index(units);
      long upper = LatencyHistogram.upperBoundNanos(index) >>> 10;
      long lower = index == 0 ? 0 : LatencyHistogram.upperBoundNanos(index - 1) >>> 10;
      assertThat(units).as("units %d in bucket %d", units, index).isGreaterThanOrEqualTo(lower).isLessThan(upper);
    }
  }
}
