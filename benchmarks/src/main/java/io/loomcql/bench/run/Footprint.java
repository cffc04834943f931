package io.loomcql.bench.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Cold start to first row, runtime jar bytes, and heap/threads per idle session, for loomcql and
 * the Java driver, in fresh JVMs, interleaved. Cold start runs with only the client's runtime jars
 * (as resolved by {@code footprint/<client>/pom.xml}) plus the benchmark classes on the class path.
 */
public final class Footprint {
  private Footprint() {}

  public static void main(String[] argv) throws Exception {
    Args args = new Args(argv);
    int coldRuns = args.getInt("cold-runs", 10);
    int idleRuns = args.getInt("idle-runs", 3);
    Path out = Path.of(args.get("out", "results/footprint.md"));
    String classes = args.get("classes", "target/classes");
    Map<String, String> classpaths = new LinkedHashMap<>();
    classpaths.put("loomcql", Files.readString(Path.of("target/cp-loomcql.txt")).trim());
    classpaths.put("java", Files.readString(Path.of("target/cp-java-driver.txt")).trim());
    Map<String, String> mains = Map.of("loomcql", "io.loomcql.bench.run.FirstRowLoomcql",
        "java", "io.loomcql.bench.run.FirstRowJavaDriver");

    Children.Stub stub = null;
    String server = args.get("server", null);
    if (server == null) {
      stub = Children.startStub(null, 0);
      server = "127.0.0.1:" + stub.port();
    }
    StringBuilder md = new StringBuilder("# Footprint: cold start, jars, idle session\n\n");
    md.append(Environment.describe(args.get("label", "unlabelled run (pass --label to say how quiet the machine was)"))).append('\n');
    md.append("Server: ").append(stub != null ? "stub" : server).append(". Command: `bin/bench footprint ")
        .append(String.join(" ", args.rawArgs())).append("`\n\n");
    try {
      md.append("## Runtime jars\n\n| client | jars | bytes |\n|---|---:|---:|\n");
      for (Map.Entry<String, String> e : classpaths.entrySet()) {
        long bytes = 0;
        String[] jars = e.getValue().split(":");
        for (String jar : jars) {
          bytes += Files.size(Path.of(jar));
        }
        md.append(String.format(Locale.ROOT, "| %s | %d | %,d |%n", e.getKey(), jars.length, bytes));
      }

      Map<String, List<Double>> cold = new LinkedHashMap<>();
      Map<String, List<Double>> loaded = new LinkedHashMap<>();
      for (int i = 0; i < coldRuns; i++) {
        List<String> order = new ArrayList<>(classpaths.keySet());
        if (i % 2 == 1) {
          java.util.Collections.reverse(order);
        }
        for (String client : order) {
          List<String> command = Children.command(null, List.of("--enable-native-access=ALL-UNNAMED"),
              classes + ":" + classpaths.get(client), mains.get(client), List.of(server, args.get("dc", "dc1")));
          long start = System.nanoTime();
          double[] seen = {Double.NaN, Double.NaN};
          Children.run(command, line -> {
            if (line.startsWith("FIRST_ROW ") && Double.isNaN(seen[0])) {
              seen[0] = (System.nanoTime() - start) / 1e6;
              seen[1] = Double.parseDouble(line.split(" ")[1]);
            }
          });
          cold.computeIfAbsent(client, k -> new ArrayList<>()).add(seen[0]);
          loaded.computeIfAbsent(client, k -> new ArrayList<>()).add(seen[1]);
          System.err.printf("cold start %s: %.0f ms, %.0f classes%n", client, seen[0], seen[1]);
        }
      }
      md.append("\n## Cold start: process start to the first row of system.local (")
          .append(coldRuns).append(" fresh JVMs each, interleaved)\n\n");
      md.append("| client | ms median (min-max) | classes loaded |\n|---|---|---:|\n");
      for (String client : classpaths.keySet()) {
        md.append("| ").append(client).append(" | ").append(Stats.of(cold.get(client)).format("%.0f")).append(" | ")
            .append(Stats.of(loaded.get(client)).median("%.0f")).append(" |\n");
      }
      List<Double> ratios = new ArrayList<>();
      for (int i = 0; i < coldRuns; i++) {
        ratios.add(cold.get("loomcql").get(i) / cold.get("java").get(i));
      }
      md.append("\nloomcql / Java driver cold start, per pair: ").append(Stats.of(ratios).format("%.2fx")).append("\n");

      md.append("\n## Idle session (deltas after one prepared statement and 3 s idle; median of ")
          .append(idleRuns).append(" fresh JVMs)\n\n");
      md.append("| client | heap bytes | platform threads | virtual threads | direct buffer bytes |\n|---|---:|---:|---:|---:|\n");
      for (String client : List.of("loomcql", "java", "mux")) {
        List<List<Double>> figures = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < idleRuns; i++) {
          Children.run(Children.command(null, Children.startupFlags(), Children.CLASSPATH,
              "io.loomcql.bench.run.IdleSession", List.of("--client", client, "--server", server,
                  "--dc", args.get("dc", "dc1"))), line -> {
                if (line.startsWith("IDLE ")) {
                  String[] f = line.split(" ");
                  for (int k = 0; k < 4; k++) {
                    figures.get(k).add(Double.parseDouble(f[2 + k]));
                  }
                  System.err.println(line);
                }
              });
        }
        md.append("| ").append(client);
        for (List<Double> f : figures) {
          md.append(" | ").append(Stats.of(f).median("%,.0f"));
        }
        md.append(" |\n");
      }
      md.append("\nThe heap delta includes what loading the client's classes puts on the heap (the mux row, a client"
          + " of ~300 lines, shows that floor). Threads: platform threads include the virtual-thread carriers"
          + " a client's first virtual threads start.\n");
    } finally {
      if (stub != null) {
        stub.close();
      }
    }
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, md.toString());
    System.out.println(md);
  }
}
