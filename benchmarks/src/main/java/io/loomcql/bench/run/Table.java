package io.loomcql.bench.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * Runs the throughput table (and optionally the open-loop latency table): the stub in its own
 * process (or a given server), then for each repeat every cell and in-flight level in a child JVM
 * of its own (all levels of a cell in one JVM with {@code --shared-jvm}), cells interleaved (A B C
 * D, then D C B A, ...), and writes medians with min-max and per-repeat ratios as Markdown. See
 * benchmarks/README.md for the commands.
 */
public final class Table {
  private Table() {}

  public static void main(String[] argv) throws Exception {
    Args args = new Args(argv);
    List<String> cells = args.list("cells", "loomcql:sync,java:sync,java:async,mux:sync");
    List<String> workloads = args.list("workloads", "ONE_ROW");
    List<String> inflight = args.list("inflight", "1,64,1024,10000");
    int repeats = args.getInt("repeats", 5);
    boolean pin = args.has("pin");
    // Each in-flight level runs in a JVM of its own by default. In one JVM, a level inherits the JIT and
    // heap state of the levels before it: 10,000 callers after 1,024 allocated about 750 B more per
    // request than in a fresh JVM, for the multiplexer (+420 B) as much as for loomcql, and not at all
    // without GC (Epsilon); see benchmarks/README.md. --shared-jvm restores one JVM per client.
    boolean sharedJvm = args.has("shared-jvm");
    String warmup = warmup(args);
    String clientCpus = pin ? args.get("client-cpus", "0") : null;
    String stubCpus = pin ? args.get("stub-cpus", "1") : null;
    List<String> flags = Children.jvmFlags(args.get("jvm", ""));
    Path out = Path.of(args.get("out", "results/latest.md"));

    Children.Stub stub = null;
    String server = args.get("server", null);
    String serverLabel = server == null ? "stub" + (pin ? " (pinned)" : "") : "node " + server;
    if (server == null) {
      stub = Children.startStub(stubCpus, args.getInt("stub-delay-us", 0));
      server = "127.0.0.1:" + stub.port();
      if (args.getInt("stub-delay-us", 0) > 0) {
        serverLabel = "stub +" + args.get("stub-delay-us", "0") + "µs";
      }
    }
    List<String> common = List.of("--server", server, "--protocol", args.get("protocol", "4"),
        "--max-requests", args.get("max-requests", "1024"), "--dc", args.get("dc", "dc1"));

    // repeat -> cell key -> result
    List<Map<String, Cell>> runs = new ArrayList<>();
    List<String> raw = new ArrayList<>();
    try {
      for (int r = 0; r < repeats; r++) {
        Map<String, Cell> run = new LinkedHashMap<>();
        runs.add(run);
        List<String> order = new ArrayList<>(cells);
        if (r % 2 == 1) {
          java.util.Collections.reverse(order);
        }
        for (String workload : workloads) {
          for (String cell : order) {
            String[] cm = cell.split(":");
            for (List<String> levels : sharedJvm ? List.of(inflight) : inflight.stream().map(List::of).toList()) {
              List<String> childArgs = new ArrayList<>(List.of("--client", cm[0], "--mode", cm[1], "--workload",
                  workload, "--inflight", String.join(",", levels), "--warmup", warmup,
                  "--seconds", args.get("seconds", "3")));
              childArgs.addAll(common);
              System.err.printf("repeat %d/%d: %s %s %s%n", r + 1, repeats, cell, workload, levels);
              Children.run(Children.command(clientCpus, flags, Children.CLASSPATH, "io.loomcql.bench.run.ClosedLoop",
                  childArgs), line -> collect(line, run, raw));
            }
          }
        }
      }
      List<Map<String, Cell>> open = new ArrayList<>();
      List<String> openNotes = new ArrayList<>();
      if (args.has("open-loop")) {
        runOpenLoop(args, cells, workloads.get(0), runs, open, raw, openNotes, common, clientCpus, flags);
      }
      String report = report(args, serverLabel, cells, workloads, inflight, runs, open, openNotes, raw, pin);
      Files.createDirectories(out.toAbsolutePath().getParent());
      Files.writeString(out, report);
      System.out.println(report);
    } finally {
      if (stub != null) {
        stub.close();
      }
    }
  }

  /**
   * Seconds of warm-up per level. A fresh JVM per level needs longer than a level that follows
   * others: after 2 s the Java driver at 1,024 in flight still compiled in the window (5.8-6.8 µs
   * CPU per request and 270-315k ops/s, against 2.7-4.4 µs and 394-596k after 6 s).
   */
  private static String warmup(Args args) {
    return args.get("warmup", args.has("shared-jvm") ? "2" : "5");
  }

  private static void collect(String line, Map<String, Cell> run, List<String> raw) {
    if (line.startsWith("RESULT\t")) {
      Cell cell = Cell.parse(line);
      run.put(cell.key(), cell);
      raw.add(line);
      System.err.println(line);
    }
  }

  /** Open loop at given percentages of the slower sync client's median max rate at the highest level. */
  private static void runOpenLoop(Args args, List<String> cells, String workload, List<Map<String, Cell>> runs,
      List<Map<String, Cell>> open, List<String> raw, List<String> notes, List<String> common, String cpus,
      List<String> flags) throws IOException, InterruptedException {
    double slowest = Double.MAX_VALUE;
    String slowestCell = null;
    for (String cell : cells) {
      if (cell.startsWith("mux")) {
        continue;
      }
      double best = 0;
      for (String level : args.list("inflight", "1,64,1024,10000")) {
        Stats s = stats(runs, cell + ":" + workload + ":" + level, Cell::opsPerSec);
        if (s.n() > 0) {
          best = Math.max(best, s.median());
        }
      }
      if (best > 0 && best < slowest) {
        slowest = best;
        slowestCell = cell;
      }
    }
    double base = args.has("max-rate") ? args.getDouble("max-rate", 0) : slowest;
    notes.add(String.format(Locale.ROOT, "Open-loop rates are percentages of %.0f ops/s (%s).", base,
        args.has("max-rate") ? "given with --max-rate" : "the slower client's best median closed-loop rate: " + slowestCell));
    List<String> openCells = args.list("open-cells", "loomcql:sync,java:sync,java:async");
    int repeats = args.getInt("open-repeats", args.getInt("repeats", 5));
    for (int r = 0; r < repeats; r++) {
      Map<String, Cell> run = new LinkedHashMap<>();
      open.add(run);
      for (String percent : args.list("open-loop", "25,50,75")) {
        int rate = (int) (base * Double.parseDouble(percent) / 100);
        List<String> order = new ArrayList<>(openCells);
        if (r % 2 == 1) {
          java.util.Collections.reverse(order);
        }
        for (String cell : order) {
          String[] cm = cell.split(":");
          List<String> childArgs = new ArrayList<>(List.of("--client", cm[0], "--mode", cm[1], "--workload", workload,
              "--rate", String.valueOf(rate), "--warmup", args.get("open-warmup", "5"),
              "--seconds", args.get("open-seconds", "5")));
          childArgs.addAll(common);
          System.err.printf("open loop repeat %d/%d: %s at %d ops/s (%s%%)%n", r + 1, repeats, cell, rate, percent);
          Children.run(Children.command(cpus, flags, Children.CLASSPATH, "io.loomcql.bench.run.OpenLoop", childArgs),
              line -> collect(line, run, raw));
        }
      }
    }
  }

  static Stats stats(List<Map<String, Cell>> runs, String key, ToDoubleFunction<Cell> figure) {
    List<Double> values = new ArrayList<>();
    for (Map<String, Cell> run : runs) {
      Cell c = run.get(key);
      if (c != null) {
        values.add(figure.applyAsDouble(c));
      }
    }
    return Stats.of(values);
  }

  /** Per-repeat ratio a/b of a figure (both from the same repeat), as median and min-max. */
  static Stats ratio(List<Map<String, Cell>> runs, String a, String b, ToDoubleFunction<Cell> figure) {
    List<Double> values = new ArrayList<>();
    for (Map<String, Cell> run : runs) {
      Cell x = run.get(a);
      Cell y = run.get(b);
      if (x != null && y != null && figure.applyAsDouble(y) != 0) {
        values.add(figure.applyAsDouble(x) / figure.applyAsDouble(y));
      }
    }
    return Stats.of(values);
  }

  private static String report(Args args, String server, List<String> cells, List<String> workloads,
      List<String> inflight, List<Map<String, Cell>> runs, List<Map<String, Cell>> open, List<String> openNotes,
      List<String> raw, boolean pin) {
    StringBuilder md = new StringBuilder();
    md.append("# ").append(args.get("title", "Benchmark run")).append("\n\n");
    md.append(Environment.describe(args.get("label", "unlabelled run (pass --label to say how quiet the machine was)"))).append('\n');
    md.append("Command (arguments of io.loomcql.bench.run.Table): `").append(String.join(" ", args.rawArgs())).append("`  \n");
    md.append(String.format(Locale.ROOT, "Repeats: %d, interleaved; warm-up %s s, window %s s per level, %s; server: %s%s.%n%n",
        runs.size(), warmup(args), args.get("seconds", "3"),
        args.has("shared-jvm") ? "all levels of a client in one JVM" : "each level in a JVM of its own", server,
        pin ? ", client on CPU " + args.get("client-cpus", "0") + ", stub on CPU " + args.get("stub-cpus", "1") : ""));
    md.append("| client | mode | workload | in flight | server | ops/s median (min-max) | CPU µs/op | B/op | p50 / p99 / p999 µs | errors |\n");
    md.append("|---|---|---|---:|---|---|---:|---:|---|---:|\n");
    for (String workload : workloads) {
      for (String level : inflight) {
        for (String cell : cells) {
          String key = cell + ":" + workload + ":" + level;
          appendRow(md, runs, key, cell, workload, level, server);
        }
      }
    }
    md.append("\n## Ratios (per repeat, median (min-max))\n\n");
    md.append("| workload | in flight | loomcql / java sync ops/s | loomcql / java async ops/s | CPU/op vs java sync | B/op vs java sync | CPU/op vs java async | B/op vs java async | loomcql % of mux |\n");
    md.append("|---|---:|---|---|---|---|---|---|---|\n");
    for (String workload : workloads) {
      for (String level : inflight) {
        String loom = "loomcql:sync:" + workload + ":" + level;
        String sync = "java:sync:" + workload + ":" + level;
        String async = "java:async:" + workload + ":" + level;
        String mux = "mux:sync:" + workload + ":" + level;
        md.append("| ").append(workload).append(" | ").append(level)
            .append(" | ").append(ratio(runs, loom, sync, Cell::opsPerSec).format("%.2fx"))
            .append(" | ").append(ratio(runs, loom, async, Cell::opsPerSec).format("%.2fx"))
            .append(" | ").append(ratio(runs, loom, sync, Cell::cpuMicrosPerOp).format("%.2f"))
            .append(" | ").append(ratio(runs, loom, sync, Cell::bytesPerOp).format("%.2f"))
            .append(" | ").append(ratio(runs, loom, async, Cell::cpuMicrosPerOp).format("%.2f"))
            .append(" | ").append(ratio(runs, loom, async, Cell::bytesPerOp).format("%.2f"))
            .append(" | ").append(ratio(runs, loom, mux, Cell::opsPerSec).scale(100).format("%.0f%%"))
            .append(" |\n");
      }
    }
    if (inflight.contains("1024") && inflight.contains("10000")) {
      md.append("\n10,000 vs 1,024 in flight (same client, per repeat): ");
      for (String cell : cells) {
        for (String workload : workloads) {
          md.append(cell).append(' ').append(workload).append(' ')
              .append(ratio(runs, cell + ":" + workload + ":10000", cell + ":" + workload + ":1024", Cell::opsPerSec)
                  .format("%.2fx")).append("; ");
        }
      }
      md.append("\n");
    }
    appendHandoffs(md, runs);
    if (!open.isEmpty()) {
      md.append("\n## Open loop (latency from the intended start time)\n\n");
      openNotes.forEach(n -> md.append(n).append("\n\n"));
      md.append("| client | mode | workload | target ops/s | server | achieved ops/s | CPU µs/op | B/op | p50 / p99 / p999 µs | errors |\n");
      md.append("|---|---|---|---:|---|---|---:|---:|---|---:|\n");
      Set<String> keys = new LinkedHashSet<>();
      open.forEach(run -> keys.addAll(run.keySet()));
      for (String key : keys) {
        String[] k = key.split(":");
        appendRow(md, open, key, k[0] + ":" + k[1], k[2], k[3], server);
      }
    }
    md.append("\n## Raw results\n\n```\n");
    md.append("RESULT\tclient\tmode\tworkload\tin_flight_or_rate\tops_per_s\tcpu_us_per_op\tbytes_per_op\terrors\tp50_us\tp99_us\tp999_us\thandoff_ns\thandoff_after_ns\n");
    raw.forEach(line -> md.append(line).append('\n'));
    md.append("```\n");
    return md.toString();
  }

  /**
   * Lists the runs during which a cache line was slow to move between the cores (see {@link
   * HandoffProbe}): a reading before or after the load above 3x the lowest one of the table.
   */
  private static void appendHandoffs(StringBuilder md, List<Map<String, Cell>> runs) {
    double lowest = Double.MAX_VALUE;
    int probed = 0;
    for (Map<String, Cell> run : runs) {
      for (Cell c : run.values()) {
        if (!Double.isNaN(c.handoffNanos())) {
          probed++;
          lowest = Math.min(lowest, Math.min(c.handoffNanos(), c.handoffAfterNanos()));
        }
      }
    }
    if (probed == 0) {
      return;
    }
    List<String> slow = new ArrayList<>();
    for (int r = 0; r < runs.size(); r++) {
      for (Map.Entry<String, Cell> e : runs.get(r).entrySet()) {
        Cell c = e.getValue();
        if (Math.max(c.handoffNanos(), c.handoffAfterNanos()) > 3 * lowest) {
          slow.add(String.format(Locale.ROOT, "`%s` repeat %d: %.0f ops/s (%.0f / %.0f ns)", e.getKey(), r + 1,
              c.opsPerSec(), c.handoffNanos(), c.handoffAfterNanos()));
        }
      }
    }
    md.append(String.format(Locale.ROOT, "%nCore-to-core hand-off (HandoffProbe, before / after each load): lowest %.0f ns;"
        + " runs with a reading above 3x that (a stretch in which every client runs slow): %d of %d%s%n",
        lowest, slow.size(), probed, slow.isEmpty() ? "." : ":"));
    slow.forEach(line -> md.append("- ").append(line).append('\n'));
  }

  private static void appendRow(StringBuilder md, List<Map<String, Cell>> runs, String key, String cell,
      String workload, String level, String server) {
    Stats ops = stats(runs, key, Cell::opsPerSec);
    if (ops.n() == 0) {
      return;
    }
    String[] cm = cell.split(":");
    long errors = 0;
    for (Map<String, Cell> run : runs) {
      Cell c = run.get(key);
      errors += c == null ? 0 : c.errors();
    }
    md.append("| ").append(cm[0]).append(" | ").append(cm[1]).append(" | ").append(workload).append(" | ")
        .append(level).append(" | ").append(server).append(" | ").append(ops.format("%.0f"))
        .append(" | ").append(stats(runs, key, Cell::cpuMicrosPerOp).median("%.2f"))
        .append(" | ").append(stats(runs, key, Cell::bytesPerOp).median("%.0f"))
        .append(" | ").append(stats(runs, key, Cell::p50).median("%.0f")).append(" / ")
        .append(stats(runs, key, Cell::p99).median("%.0f")).append(" / ")
        .append(stats(runs, key, Cell::p999).median("%.0f"))
        .append(" | ").append(errors).append(" |\n");
  }

  static String timestamp() {
    return ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }
}
