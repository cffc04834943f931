package io.loomcql.bench.run;

import io.loomcql.bench.Workload;
import io.loomcql.bench.client.BenchClient;
import io.loomcql.bench.client.ClientOptions;
import io.loomcql.bench.client.Clients;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Open-loop latency for one client at a fixed rate: request {@code i} is due at {@code start + i /
 * rate}; a dispatcher thread starts every due request (a new virtual thread calling {@code execute}
 * in mode {@code sync}, {@code executeAsync} in mode {@code async}) and its latency is recorded from
 * the due time, not from when it was started, so a stalled client is charged for the requests it
 * held up (no coordinated omission).
 *
 * <p>The histogram holds exactly the requests due inside the window: not those due during the
 * warm-up that complete inside it (a warm-up backlog would otherwise be charged to the window, with
 * latencies counted from the warm-up), and not only those that completed by the end of the window
 * (the slowest would be left out). After the window no request is started any more and the run waits
 * up to {@code --drain} seconds for the window's requests; any still unfinished then are recorded
 * with the time waited past the window (a lower bound of their latency) and counted as errors.
 *
 * <p>Prints one {@link Cell} line whose in-flight column is the target rate (ops/s) and whose ops/s
 * column is the achieved rate (completions inside the window); with {@code --timeline-ms N}, also a
 * {@code TIMELINE} line on stderr every N ms (due, completed, outstanding, slowest completion).
 */
public final class OpenLoop {
  private OpenLoop() {}

  /** Requests outstanding beyond which the run stops and reports the client saturated. */
  private static final long MAX_OUTSTANDING = 200_000;

  public static void main(String[] argv) throws Exception {
    Args args = new Args(argv);
    Meter.now(); // loads the management beans now: their first use took 28-80 ms, at the window's start
    String name = args.get("client", "loomcql");
    boolean async = args.get("mode", "sync").equals("async");
    Workload workload = Workload.valueOf(args.get("workload", "ONE_ROW"));
    ClientOptions options = ClientOptions.parse(args.get("server", "127.0.0.1:9042"), args.getInt("protocol", 4),
        args.getInt("max-requests", 1024), args.get("dc", "dc1"));
    int rate = args.getInt("rate", 10_000);
    double warmup = args.getDouble("warmup", 2);
    double seconds = args.getDouble("seconds", 5);
    long drainNanos = (long) (args.getDouble("drain", 10) * 1e9);
    long timelineNanos = args.getInt("timeline-ms", 0) * 1_000_000L;
    double prime = args.getDouble("prime", 2);
    try (BenchClient client = Clients.open(name, options)) {
      client.prepare(workload);
      prime(client, async, prime);
      long period = 1_000_000_000L / rate;
      long start = System.nanoTime();
      Window window = new Window(start + (long) (warmup * 1e9), start + (long) ((warmup + seconds) * 1e9));
      // The meters are read at the window's start by a thread of their own: a branch in the loop
      // below that is first taken at the window's start was compiled as an uncommon trap, and the
      // loop fell back to the interpreter there and stalled for 9-57 ms, which set the p99 and the
      // p999 of the runs it hit, for every client.
      WindowStart windowStart = WindowStart.at(window);
      boolean saturated = false;
      long nextSlice = start + timelineNanos;
      long i = 0;
      while (true) {
        long now = System.nanoTime();
        if (now >= window.to) {
          break;
        }
        // In the warm-up a cold client may fall far behind at first (at 406k/s one built 130-200k
        // outstanding requests in its first 0.5 s, then kept up): requests due then are dropped
        // while too many are outstanding, so that only the window decides whether it saturates.
        // The rare test comes first, so that the window's start changes no branch the loop takes.
        boolean shed = window.outstanding.get() > MAX_OUTSTANDING && now < window.from;
        long due;
        while ((due = start + i * period) <= now) { // start everything due, catching up if late
          long intended = due;
          long key = i++ % Workload.KEYS;
          if (shed) {
            continue;
          }
          window.started(intended);
          if (async) {
            client.executeAsync(key).whenComplete((r, e) -> window.finish(intended, e));
          } else {
            Thread.startVirtualThread(() -> {
              Throwable error = null;
              try {
                client.execute(key);
              } catch (Throwable e) {
                error = e;
              }
              window.finish(intended, error);
            });
          }
        }
        if (window.outstanding.get() > MAX_OUTSTANDING && now >= window.from) {
          saturated = true;
          break;
        }
        if (timelineNanos > 0 && now >= nextSlice) {
          nextSlice += timelineNanos;
          System.err.printf(Locale.ROOT, "TIMELINE\t%d ms\tdue %d\tdone %d\toutstanding %d\tslowest %d µs%n",
              (now - start) / 1_000_000, i, window.done.sum(), window.outstanding.get(),
              window.slowest.getThenReset() / 1000);
        }
        LockSupport.parkNanos(Math.min(period, 20_000));
      }
      Meter after = Meter.now();
      Meter before = windowStart.meter();
      long ops = window.done.sum() - windowStart.done;
      long unfinished = window.drain(drainNanos);
      Histogram h = window.latencies.getIntervalHistogram();
      double perOp = Math.max(ops, 1);
      if (saturated) {
        System.err.println(name + ": saturated at " + rate + " ops/s (" + window.outstanding.get() + " outstanding)");
      }
      if (unfinished > 0) {
        System.err.println(name + ": " + unfinished + " requests of the window unfinished after the drain");
      }
      Cell cell = new Cell(name, async ? "open-async" : "open-sync", workload.name(), rate,
          ops / ((after.nanos() - before.nanos()) / 1e9),
          (after.cpuNanos() - before.cpuNanos()) / 1e3 / perOp,
          (after.allocatedBytes() - before.allocatedBytes()) / perOp,
          window.errors.sum() + unfinished + (saturated ? 1_000_000 : 0),
          ClosedLoop.micros(h, 50), ClosedLoop.micros(h, 99), ClosedLoop.micros(h, 99.9), Double.NaN, Double.NaN);
      System.out.println(cell.line());
      System.out.flush();
    }
    System.exit(0);
  }

  /**
   * Runs the client closed-loop at {@link #PRIME_IN_FLIGHT} in flight for {@code seconds} (same for
   * every client), so that the open-loop schedule meets a JIT-compiled request path: a cold client
   * (class loading, interpreted code, C2 compiling on the same cores) falls behind the schedule in its
   * first few hundred milliseconds, and the backlog then takes seconds to drain, which is start-up,
   * not the steady-state latency this run measures.
   */
  private static void prime(BenchClient client, boolean async, double seconds) throws InterruptedException {
    long end = System.nanoTime() + (long) (seconds * 1e9);
    Semaphore window = new Semaphore(PRIME_IN_FLIGHT);
    long i = 0;
    if (async) {
      while (System.nanoTime() - end < 0) {
        window.acquire();
        client.executeAsync(i++ % Workload.KEYS).whenComplete((r, e) -> window.release());
      }
    } else {
      List<Thread> callers = new ArrayList<>();
      for (int t = 0; t < PRIME_IN_FLIGHT; t++) {
        long base = t * 1_000_003L;
        callers.add(Thread.startVirtualThread(() -> {
          for (long n = 0; System.nanoTime() - end < 0; n++) {
            try {
              client.execute((base + n) % Workload.KEYS);
            } catch (Exception e) {
              // priming only: the measured run reports errors
            }
          }
        }));
      }
      for (Thread t : callers) {
        t.join();
      }
    }
    window.acquire(PRIME_IN_FLIGHT);
  }

  /** In-flight requests of the closed-loop priming run. */
  private static final int PRIME_IN_FLIGHT = 64;

  /** The meters and the completion count at the window's start, read by a platform thread of its own. */
  private static final class WindowStart {
    private final Thread reader;
    private volatile Meter meter;
    private volatile long done;

    private WindowStart(Window window) {
      reader = Thread.ofPlatform().daemon().name("window-start").unstarted(() -> {
        long wait;
        while ((wait = window.from - System.nanoTime()) > 0) {
          LockSupport.parkNanos(wait);
        }
        done = window.done.sum();
        meter = Meter.now();
      });
    }

    static WindowStart at(Window window) {
      WindowStart start = new WindowStart(window);
      start.reader.start();
      return start;
    }

    /** Waits for the read, which is due by the time the window ended. */
    Meter meter() throws InterruptedException {
      reader.join();
      if (meter == null) {
        throw new IllegalStateException("the meters were not read at the window's start");
      }
      return meter;
    }
  }

  /**
   * The measured window [from, to) of due times, and what the requests due in it did. Requests due
   * outside it go through the same code into throw-away counters: a branch on "inside the window"
   * that the warm-up never took was compiled as a trap, and at the window's start every request hit
   * it (about 7,900 deoptimizations in 100 ms, measured with -Xlog:deoptimization), which stalled
   * every client for 80-110 ms and made its p99 and p999 at the start of the window.
   *
   * <p>The recorders have a fixed range: one that resizes itself does so when a value does not fit,
   * through an {@code ArrayIndexOutOfBoundsException} that compiled code reaches by a trap. The
   * window's recorder starts empty, so at the window's start every latency longer than those seen
   * so far resized it that way: 60-70 deoptimizations per millisecond, stalling every client for
   * 13-55 ms there (measured with -Xlog:deoptimization and --timeline-ms 100).
   */
  private static final class Window {
    private static final long LONGEST_NANOS = TimeUnit.HOURS.toNanos(1);

    final long from;
    final long to;
    final Recorder latencies = new Recorder(1, LONGEST_NANOS, 3);
    final LongAdder done = new LongAdder(); // every completion, for the achieved rate
    final LongAdder errors = new LongAdder(); // of the window's requests
    final AtomicLong outstanding = new AtomicLong(); // every request
    final AtomicLong pending = new AtomicLong(); // the window's requests
    final LongAccumulator slowest = new LongAccumulator(Math::max, 0);
    // Index 0: requests due outside the window (thrown away); 1: inside.
    private final Recorder[] recorders = {new Recorder(1, LONGEST_NANOS, 3), latencies};
    private final LongAdder[] errorCounters = {new LongAdder(), errors};
    private final AtomicLong[] pendings = {new AtomicLong(), pending};

    Window(long from, long to) {
      this.from = from;
      this.to = to;
    }

    /** 1 if {@code from <= intended < to}, else 0, computed without a branch. */
    int slot(long intended) {
      long afterFrom = ((intended - from) >>> 63) ^ 1;
      long beforeTo = (intended - to) >>> 63;
      return (int) (afterFrom & beforeTo);
    }

    void started(long intended) {
      outstanding.incrementAndGet();
      pendings[slot(intended)].incrementAndGet();
    }

    void finish(long intended, Throwable error) {
      long latency = System.nanoTime() - intended;
      slowest.accumulate(latency);
      done.increment();
      int slot = slot(intended);
      if (error == null) {
        recorders[slot].recordValue(latency);
      } else {
        errorCounters[slot].increment();
      }
      pendings[slot].decrementAndGet();
      outstanding.decrementAndGet();
    }

    /**
     * Waits for the window's requests; those unfinished after {@code maxNanos} are recorded with
     * the time waited (their latency is at least that) and returned as a count.
     */
    long drain(long maxNanos) {
      long deadline = System.nanoTime() + maxNanos;
      while (pending.get() > 0 && System.nanoTime() - deadline < 0) {
        LockSupport.parkNanos(1_000_000);
      }
      long unfinished = pending.get();
      if (unfinished > 0) {
        latencies.recordValueWithCount(System.nanoTime() - to, unfinished);
      }
      return unfinished;
    }
  }
}
