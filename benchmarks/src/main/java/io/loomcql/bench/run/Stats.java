package io.loomcql.bench.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Median with min-max of the repeats of one figure. */
record Stats(double median, double min, double max, int n) {
  static Stats of(List<Double> values) {
    List<Double> sorted = new ArrayList<>();
    for (Double v : values) {
      if (v != null && !v.isNaN()) {
        sorted.add(v);
      }
    }
    if (sorted.isEmpty()) {
      return new Stats(Double.NaN, Double.NaN, Double.NaN, 0);
    }
    Collections.sort(sorted);
    int n = sorted.size();
    double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    return new Stats(median, sorted.get(0), sorted.get(n - 1), n);
  }

  Stats scale(double factor) {
    return new Stats(median * factor, min * factor, max * factor, n);
  }

  String format(String pattern) {
    if (n == 0) {
      return "-";
    }
    return String.format(Locale.ROOT, pattern + " (" + pattern + "-" + pattern + ")", median, min, max);
  }

  String median(String pattern) {
    return n == 0 ? "-" : String.format(Locale.ROOT, pattern, median);
  }
}
