package io.loomcql.internal.session;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Monotonic client timestamps in microseconds: the wall clock, but never equal to or below the
 * last one given, so two writes from this client are always ordered even within a microsecond.
 */
final class ClientTimestamps {
  private final AtomicLong last = new AtomicLong();

  long next() {
    long now = System.currentTimeMillis() * 1000;
    while (true) {
      long previous = last.get();
      long next = now > previous ? now : previous + 1;
      if (last.compareAndSet(previous, next)) {
        return next;
      }
    }
  }
}
