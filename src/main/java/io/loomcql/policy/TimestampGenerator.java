package io.loomcql.policy;

/**
 * Gives each write its client-side timestamp, in microseconds since the epoch. Called on the
 * request's thread for every statement that has no timestamp of its own; must be thread-safe and
 * cheap. Return {@link Long#MIN_VALUE} to let the coordinator choose the timestamp.
 */
@FunctionalInterface
public interface TimestampGenerator {
  /** The value that lets the server choose. */
  long SERVER_SIDE = Long.MIN_VALUE;

  /** The next timestamp, or {@link #SERVER_SIDE}. */
  long next();

  /** Timestamps from the server: the coordinator's clock decides. */
  static TimestampGenerator serverSide() {
    return () -> SERVER_SIDE;
  }
}
