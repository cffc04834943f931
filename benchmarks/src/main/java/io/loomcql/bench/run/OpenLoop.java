package io.loomcql.bench.run;

import io.loomcql.bench.Workload;
import io.loomcql.bench.client.BenchClient;
import io.loomcql.bench.client.ClientOptions;
import io.loomcql.bench.client.Clients;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Open-loop latency for one client at a fixed rate: request {@code i} is due at {@code start + i /
 * rate}; a dispatcher thread starts every due request (a new virtual thread calling {@code execute}
 * in mode {@code sync}, {@code executeAsync} in mode {@code async}) and its latency is recorded from
 * the due time, not from when it was started, so a stalled client is charged for the requests it
 * held up (no coordinated omission). Prints one {@link Cell} line whose in-flight column is the
 * target rate (ops/s) and whose ops/s column is the achieved rate.
 */
public final class OpenLoop {
  private OpenLoop() {}

  /** Requests outstanding beyond which the run stops and reports the client saturated. */
  private static final long MAX_OUTSTANDING = 200_000;

  public static void main(String[] argv) throws Exception {
    Args args = new Args(argv);
    String name = args.get("client", "loomcql");
    boolean async = args.get("mode", "sync").equals("async");
    Workload workload = Workload.valueOf(args.get("workload", "ONE_ROW"));
    ClientOptions options = ClientOptions.parse(args.get("server", "127.0.0.1:9042"), args.getInt("protocol", 4),
        args.getInt("max-requests", 1024), args.get("dc", "dc1"));
    int rate = args.getInt("rate", 10_000);
    double warmup = args.getDouble("warmup", 2);
    double seconds = args.getDouble("seconds", 5);
    Recorder recorder = new Recorder(3);
    LongAdder done = new LongAdder();
    LongAdder errors = new LongAdder();
    AtomicLong outstanding = new AtomicLong();
    try (BenchClient client = Clients.open(name, options)) {
      client.prepare(workload);
      long period = 1_000_000_000L / rate;
      long start = System.nanoTime();
      long measureFrom = start + (long) (warmup * 1e9);
      long end = measureFrom + (long) (seconds * 1e9);
      Meter initial = Meter.now();
      Meter before = null;
      long done0 = 0;
      long errors0 = 0;
      boolean saturated = false;
      long i = 0;
      while (true) {
        long now = System.nanoTime();
        if (before == null && now >= measureFrom) {
          recorder.reset();
          done0 = done.sum();
          errors0 = errors.sum();
          before = Meter.now();
        }
        if (now >= end) {
          break;
        }
        long due;
        while ((due = start + i * period) <= now) { // start everything due, catching up if late
          long intended = due;
          long key = i++ % Workload.KEYS;
          outstanding.incrementAndGet();
          if (async) {
            client.executeAsync(key).whenComplete((r, e) -> finish(recorder, done, errors, outstanding, intended, e));
          } else {
            Thread.startVirtualThread(() -> {
              Throwable error = null;
              try {
                client.execute(key);
              } catch (Throwable e) {
                error = e;
              }
              finish(recorder, done, errors, outstanding, intended, error);
            });
          }
        }
        if (outstanding.get() > MAX_OUTSTANDING) {
          saturated = true;
          break;
        }
        LockSupport.parkNanos(Math.min(period, 20_000));
      }
      Meter after = Meter.now();
      if (before == null) {
        before = initial;
      }
      Histogram h = recorder.getIntervalHistogram();
      long ops = done.sum() - done0;
      double perOp = Math.max(ops, 1);
      if (saturated) {
        System.err.println(name + ": saturated at " + rate + " ops/s (" + outstanding.get() + " outstanding)");
      }
      Cell cell = new Cell(name, async ? "open-async" : "open-sync", workload.name(), rate,
          ops / ((after.nanos() - before.nanos()) / 1e9),
          (after.cpuNanos() - before.cpuNanos()) / 1e3 / perOp,
          (after.allocatedBytes() - before.allocatedBytes()) / perOp,
          errors.sum() - errors0 + (saturated ? 1_000_000 : 0),
          ClosedLoop.micros(h, 50), ClosedLoop.micros(h, 99), ClosedLoop.micros(h, 99.9));
      System.out.println(cell.line());
      System.out.flush();
    }
    System.exit(0);
  }

  private static void finish(Recorder recorder, LongAdder done, LongAdder errors, AtomicLong outstanding,
      long intended, Throwable error) {
    long latency = System.nanoTime() - intended;
    outstanding.decrementAndGet();
    if (error == null) {
      recorder.recordValue(latency);
      done.increment();
    } else {
      errors.increment();
    }
  }
}
