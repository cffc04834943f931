package io.loomcql.bench.run;

import io.loomcql.bench.Workload;
import io.loomcql.bench.client.BenchClient;
import io.loomcql.bench.client.ClientOptions;
import io.loomcql.bench.client.Clients;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;

/**
 * Closed-loop throughput in one JVM for one client: for each in-flight level, {@code n} virtual
 * threads each run operations back to back (mode {@code sync}), or one platform thread keeps
 * {@code n} asynchronous operations in flight through a semaphore (mode {@code async}). After a
 * warm-up, one window measures ops/s, process CPU per op and allocated bytes per op; at up to 64
 * in flight (sync) each thread also records its latencies in its own histogram. Prints one
 * {@link Cell} line per level.
 */
public final class ClosedLoop {
  private ClosedLoop() {}

  static volatile long blackhole;

  public static void main(String[] argv) throws Exception {
    Args args = new Args(argv);
    Meter.now(); // loads the management beans now: their first use took 28-80 ms, at the window's start
    String clientName = args.get("client", "loomcql");
    String mode = args.get("mode", "sync");
    Workload workload = Workload.valueOf(args.get("workload", "ONE_ROW"));
    ClientOptions options = ClientOptions.parse(args.get("server", "127.0.0.1:9042"), args.getInt("protocol", 4),
        args.getInt("max-requests", 1024), args.get("dc", "dc1"));
    double warmup = args.getDouble("warmup", 2);
    double seconds = args.getDouble("seconds", 3);
    // Latency is recorded for every caller up to 64 in flight; above, for one caller in this many
    // (a histogram per caller would not fit the heap at 10,000), or for none when it is 0.
    int latencySample = args.getInt("latency-sample", 0);
    try (BenchClient client = Clients.open(clientName, options)) {
      client.prepare(workload);
      for (String level : args.list("inflight", "1,64,1024,10000")) {
        int inFlight = Integer.parseInt(level);
        double before = HandoffProbe.nanosPerHandoff(); // outside the load: see HandoffProbe
        Cell cell = mode.equals("async")
            ? runAsync(client, clientName, workload, inFlight, warmup, seconds)
            : runSync(client, clientName, workload, inFlight, warmup, seconds, latencySample);
        double after = HandoffProbe.nanosPerHandoff(); // the placement may have changed meanwhile
        System.out.println(cell.withHandoff(before, after).line());
        System.out.flush();
      }
    }
    System.exit(0); // a client that leaves non-daemon threads must not hold the run
  }

  /** Latencies above this are recorded as this: a caller that starves must show, not fail the run. */
  private static final long HIGHEST_NANOS = 120_000_000_000L;

  /**
   * A caller's sum and, if it records latency, two histograms: [0] for the warm-up, thrown away,
   * and [1] for the window. Recording in both phases through the same code keeps the JIT from
   * compiling "record only while measuring" as a trap that every caller hits when the window opens.
   */
  private static final class Caller {
    final Histogram[] histograms;
    long sum;

    Caller(boolean record) {
      histograms = record ? new Histogram[] {new Histogram(HIGHEST_NANOS, 2), new Histogram(HIGHEST_NANOS, 2)} : null;
    }
  }

  private static Cell runSync(BenchClient client, String name, Workload workload, int inFlight, double warmup,
      double seconds, int latencySample) throws InterruptedException {
    boolean record = inFlight <= 64 || latencySample > 0;
    LongAdder ops = new LongAdder();
    LongAdder errors = new LongAdder();
    Flags flags = new Flags();
    List<Thread> threads = new ArrayList<>(inFlight);
    List<Caller> callers = new ArrayList<>(inFlight);
    for (int t = 0; t < inFlight; t++) {
      Caller caller = new Caller(record && (inFlight <= 64 || t % latencySample == 0));
      callers.add(caller);
      long base = (long) t * 1_000_003L;
      threads.add(Thread.ofVirtual().unstarted(() -> {
        long i = 0;
        while (!flags.stop) {
          long key = (base + i++) % Workload.KEYS;
          long start = System.nanoTime();
          try {
            caller.sum += client.execute(key);
            ops.increment();
            if (caller.histograms != null) {
              caller.histograms[flags.phase].recordValue(Math.min(System.nanoTime() - start, HIGHEST_NANOS));
            }
          } catch (Exception e) {
            errors.increment();
            if (errors.sum() <= 3) {
              System.err.println(name + ": " + e);
            }
          }
        }
      }));
    }
    threads.forEach(Thread::start);
    Cell cell = measure(name, "sync", workload, inFlight, warmup, seconds, ops, errors, flags, () -> {
      Histogram all = new Histogram(HIGHEST_NANOS, 2);
      if (record) {
        callers.stream().filter(c -> c.histograms != null).forEach(c -> all.add(c.histograms[Flags.WINDOW]));
      }
      if (record && latencySample > 0) { // the slowest request shows whether some callers starve
        System.out.println("MAXLAT\t" + name + "\t" + inFlight + "\t" + all.getMaxValue() / 1000);
      }
      return record ? all : null;
    });
    flags.stop = true;
    for (Thread t : threads) {
      t.join(TimeUnit.SECONDS.toMillis(60));
    }
    long sum = 0;
    for (Caller c : callers) {
      sum += c.sum;
    }
    blackhole = sum;
    return cell;
  }

  private static Cell runAsync(BenchClient client, String name, Workload workload, int inFlight, double warmup,
      double seconds) throws InterruptedException {
    LongAdder ops = new LongAdder();
    LongAdder errors = new LongAdder();
    Flags flags = new Flags();
    Semaphore window = new Semaphore(inFlight);
    Thread submitter = Thread.ofPlatform().name("async-submitter").start(() -> {
      long i = 0;
      try {
        while (!flags.stop) {
          window.acquire();
          long key = i++ % Workload.KEYS;
          client.executeAsync(key).whenComplete((sum, error) -> {
            if (error == null) {
              ops.increment();
            } else {
              errors.increment();
              if (errors.sum() <= 3) {
                System.err.println(name + " async: " + error);
              }
            }
            window.release();
          });
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    Cell cell = measure(name, "async", workload, inFlight, warmup, seconds, ops, errors, flags, () -> null);
    flags.stop = true;
    submitter.join(TimeUnit.SECONDS.toMillis(60));
    window.acquire(inFlight); // every operation has ended
    return cell;
  }

  private static final class Flags {
    static final int WARM_UP = 0;
    static final int WINDOW = 1;

    volatile boolean stop;
    volatile int phase = WARM_UP;
  }

  private static Cell measure(String name, String mode, Workload workload, int inFlight, double warmup,
      double seconds, LongAdder ops, LongAdder errors, Flags flags,
      java.util.function.Supplier<Histogram> histograms) throws InterruptedException {
    Thread.sleep((long) (warmup * 1000));
    long ops0 = ops.sum();
    long errors0 = errors.sum();
    Meter before = Meter.now();
    flags.phase = Flags.WINDOW;
    Thread.sleep((long) (seconds * 1000));
    flags.phase = Flags.WARM_UP;
    Meter after = Meter.now();
    long done = ops.sum() - ops0;
    long failed = errors.sum() - errors0;
    double elapsed = (after.nanos() - before.nanos()) / 1e9;
    double perOp = Math.max(done, 1);
    Histogram h = histograms.get();
    return new Cell(name, mode, workload.name(), inFlight, done / elapsed,
        (after.cpuNanos() - before.cpuNanos()) / 1e3 / perOp,
        (after.allocatedBytes() - before.allocatedBytes()) / perOp, failed,
        micros(h, 50), micros(h, 99), micros(h, 99.9), Double.NaN, Double.NaN);
  }

  static double micros(Histogram h, double percentile) {
    return h == null || h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(percentile) / 1e3;
  }
}
