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

  /**
   * The timestamp of the next write.
   *
   * @return microseconds since the epoch, or {@link #SERVER_SIDE}
   */
  long next();

  /**
   * Timestamps from the server: the coordinator's clock decides.
   *
   * @return a generator that always answers {@link #SERVER_SIDE}
   */
  static TimestampGenerator serverSide() {
    return () -> SERVER_SIDE;
  }
}
