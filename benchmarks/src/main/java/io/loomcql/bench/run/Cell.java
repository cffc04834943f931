package io.loomcql.bench.run;

import java.util.Locale;

/**
 * One measured cell, as a child JVM prints it on one {@code RESULT} line and the table runner
 * reads it back. Latencies in microseconds; NaN when not recorded. {@code handoffNanos} and
 * {@code handoffAfterNanos} are the {@link HandoffProbe} readings the child took before its load
 * began and after it ended (NaN in older results).
 */
record Cell(String client, String mode, String workload, int inFlight, double opsPerSec, double cpuMicrosPerOp,
    double bytesPerOp, long errors, double p50, double p99, double p999, double handoffNanos,
    double handoffAfterNanos) {

  String line() {
    return String.format(Locale.ROOT, "RESULT\t%s\t%s\t%s\t%d\t%.0f\t%.3f\t%.0f\t%d\t%.1f\t%.1f\t%.1f\t%.0f\t%.0f",
        client, mode, workload, inFlight, opsPerSec, cpuMicrosPerOp, bytesPerOp, errors, p50, p99, p999, handoffNanos,
        handoffAfterNanos);
  }

  static Cell parse(String line) {
    String[] f = line.split("\t");
    return new Cell(f[1], f[2], f[3], Integer.parseInt(f[4]), Double.parseDouble(f[5]), Double.parseDouble(f[6]),
        Double.parseDouble(f[7]), Long.parseLong(f[8]), Double.parseDouble(f[9]), Double.parseDouble(f[10]),
        Double.parseDouble(f[11]), f.length > 12 ? Double.parseDouble(f[12]) : Double.NaN,
        f.length > 13 ? Double.parseDouble(f[13]) : Double.NaN);
  }

  Cell withHandoff(double before, double after) {
    return new Cell(client, mode, workload, inFlight, opsPerSec, cpuMicrosPerOp, bytesPerOp, errors, p50, p99, p999,
        before, after);
  }

  String key() {
    return client + ":" + mode + ":" + workload + ":" + inFlight;
  }
}
