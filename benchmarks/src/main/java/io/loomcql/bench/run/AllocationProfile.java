package io.loomcql.bench.run;

import io.loomcql.bench.Workload;
import io.loomcql.bench.client.BenchClient;
import io.loomcql.bench.client.ClientOptions;
import io.loomcql.bench.client.Clients;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import javax.management.ObjectName;

/**
 * What one request allocates, class by class, exactly: JFR's allocation samples weigh each sample
 * by what its thread allocated since the last one, which skews the shares between threads. Here
 * the stub runs in its own process, the client in a child JVM without GC (Epsilon), and the class
 * histogram of every object on the heap (dead ones included: {@code GC.class_histogram -all}) is
 * taken before and after {@code --ops} requests; the difference divided by the requests is the
 * table. Run: {@code bin/bench alloc-profile [--client loomcql --workload VOID --inflight 64
 * --ops 300000 --heap 12g]}; against a real node instead of the stub: {@code --server host:port
 * --dc <its datacenter> --workload E2E_INSERT} (after {@code E2eSetup}).
 */
public final class AllocationProfile {
  private AllocationProfile() {}

  static volatile long blackhole;

  public static void main(String[] argv) throws Exception {
    Args args = new Args(argv);
    if (args.has("child")) {
      child(args);
      return;
    }
    long ops = args.getInt("ops", 300_000);
    // Nothing is collected: three rounds of 300,000 requests at up to 10 KB each fit (ROWS_100, at
    // 26 KB per request, needs --ops 100000).
    String heap = "-Xmx" + args.get("heap", "12g");
    List<String> flags = List.of(heap, "-XX:+UnlockExperimentalVMOptions", "-XX:+UseEpsilonGC",
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
    if (args.has("server")) { // a real node (the e2e workloads, after E2eSetup)
      profile(args, ops, args.get("server", null), flags);
      return;
    }
    try (Children.Stub stub = Children.startStub(null, 0)) {
      profile(args, ops, "127.0.0.1:" + stub.port(), flags);
    }
  }

  private static void profile(Args args, long ops, String server, List<String> flags) throws Exception {
    List<String> childArgs = new ArrayList<>(List.of("--child", "--server", server,
        "--client", args.get("client", "loomcql"), "--workload", args.get("workload", "VOID"),
        "--inflight", args.get("inflight", "64"), "--ops", String.valueOf(ops), "--dc", args.get("dc", "dc1")));
    Children.run(Children.command(null, flags, Children.CLASSPATH, AllocationProfile.class.getName(), childArgs),
        System.out::println);
  }

  private static void child(Args args) throws Exception {
    String client = args.get("client", "loomcql");
    Workload workload = Workload.valueOf(args.get("workload", "VOID"));
    int callers = args.getInt("inflight", 64);
    long ops = args.getInt("ops", 300_000);
    ClientOptions options = ClientOptions.parse(args.get("server", "127.0.0.1:9042"), 4, 1024, args.get("dc", "dc1"));
    try (BenchClient c = Clients.open(client, options)) {
      c.prepare(workload);
      run(c, callers, ops); // two rounds to compile the path before the measured one
      run(c, callers, ops);
      Map<String, long[]> before = histogram();
      long done = run(c, callers, ops);
      Map<String, long[]> after = histogram();
      List<Object[]> rows = new ArrayList<>();
      long total = 0;
      for (Map.Entry<String, long[]> e : after.entrySet()) {
        long[] b = before.getOrDefault(e.getKey(), new long[2]);
        long objects = e.getValue()[0] - b[0];
        long bytes = e.getValue()[1] - b[1];
        if (bytes > 0) {
          rows.add(new Object[] {e.getKey(), objects, bytes});
          total += bytes;
        }
      }
      rows.sort((x, y) -> Long.compare((long) y[2], (long) x[2]));
      System.out.printf(Locale.ROOT, "%s %s, %d callers, %d requests: %.1f B per request%n", client, workload,
          callers, done, (double) total / done);
      System.out.println("| B/request | objects/request | class |");
      System.out.println("|---:|---:|---|");
      for (Object[] row : rows) {
        double perRequest = (double) (long) row[2] / done;
        if (perRequest < 0.5) {
          break;
        }
        System.out.printf(Locale.ROOT, "| %.1f | %.3f | `%s` |%n", perRequest, (double) (long) row[1] / done, row[0]);
      }
    }
    System.exit(0); // a client that leaves non-daemon threads must not hold the run
  }

  /** Runs {@code ops} requests from {@code callers} virtual threads; returns how many succeeded. */
  private static long run(BenchClient client, int callers, long ops) throws InterruptedException {
    AtomicLong left = new AtomicLong(ops);
    LongAdder done = new LongAdder();
    List<Thread> threads = new ArrayList<>(callers);
    for (int t = 0; t < callers; t++) {
      long base = t * 1_000_003L;
      threads.add(Thread.ofVirtual().start(() -> {
        long i = 0;
        long sum = 0;
        try {
          while (left.decrementAndGet() >= 0) {
            sum += client.execute((base + i++) % Workload.KEYS);
            done.increment();
          }
        } catch (Exception e) {
          throw new IllegalStateException("a request failed: " + e, e);
        }
        blackhole += sum;
      }));
    }
    for (Thread t : threads) {
      t.join();
    }
    return done.sum();
  }

  /** Class name to {instances, bytes} of every object on the heap, reachable or not. */
  private static Map<String, long[]> histogram() throws Exception {
    String out = (String) ManagementFactory.getPlatformMBeanServer().invoke(
        new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
        new Object[] {new String[] {"-all"}}, new String[] {String[].class.getName()});
    Map<String, long[]> counts = new HashMap<>();
    for (String line : out.split("\n")) {
      String[] f = line.trim().split("\\s+");
      if (f.length >= 4 && f[0].endsWith(":")) {
        counts.put(f[3], new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])});
      }
    }
    return counts;
  }
}
