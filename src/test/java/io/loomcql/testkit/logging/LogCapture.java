package io.loomcql.testkit.logging;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Records every log line the driver writes, at every level down to TRACE, while a capture is
 * open. Outside a capture nothing is recorded and TRACE/DEBUG stay disabled, so ordinary test
 * runs pay nothing. Thread-safe.
 */
public final class LogCapture implements AutoCloseable {
  private static final AtomicInteger ACTIVE = new AtomicInteger();
  private static final ConcurrentLinkedQueue<LogCapture> CAPTURES = new ConcurrentLinkedQueue<>();

  private final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();

  private LogCapture() {}

  /** Starts recording every log line (all loggers, all levels) until {@link #close()}. */
  public static LogCapture start() {
    LogCapture capture = new LogCapture();
    CAPTURES.add(capture);
    ACTIVE.incrementAndGet();
    return capture;
  }

  static boolean active() {
    return ACTIVE.get() > 0;
  }

  static void record(String line) {
    for (LogCapture capture : CAPTURES) {
      capture.lines.add(line);
    }
  }

  /** The lines recorded so far: level, logger, message, and every throwable's text in the chain. */
  public List<String> lines() {
    return new ArrayList<>(lines);
  }

  @Override
  public void close() {
    if (CAPTURES.remove(this)) {
      ACTIVE.decrementAndGet();
    }
  }
}
