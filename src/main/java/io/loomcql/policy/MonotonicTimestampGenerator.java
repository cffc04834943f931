package io.loomcql.policy;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The wall clock in microseconds, but never equal to or below the last value given, so two writes
 * from this client are ordered even within one microsecond or when the clock steps back (the
 * default generator).
 */
public final class MonotonicTimestampGenerator implements TimestampGenerator {
  private final AtomicLong last = new AtomicLong(Long.MIN_VALUE + 1);
  private final LongSupplier clockMicros;

  /** A generator on the system clock, {@link System#currentTimeMillis()} in microseconds. */
  public MonotonicTimestampGenerator() {
    this(() -> System.currentTimeMillis() * 1000);
  }

  MonotonicTimestampGenerator(LongSupplier clockMicros) {
    this.clockMicros = clockMicros;
  }

  @Override
  public long next() {
    long now = clockMicros.getAsLong();
    while (true) {
      long previous = last.get();
      long next = now > previous ? now : previous + 1;
      if (last.compareAndSet(previous, next)) {
        return next;
      }
    }
  }

  @Override
  public String toString() {
    return "MonotonicTimestampGenerator";
  }
}
