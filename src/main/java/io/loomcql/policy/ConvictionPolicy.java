package io.loomcql.policy;

import io.loomcql.metadata.Host;

/**
 * Decides when connection failures make the driver consider a node down (the reference drivers'
 * conviction policy). A node marked down is tried last in query plans and reconnected on the
 * {@link ReconnectionPolicy}'s schedule; an UP event or a successful reconnection brings it back.
 * Called by the pools' threads; implementations must be thread-safe.
 */
public interface ConvictionPolicy {
  /**
   * A connection to {@code host} could not be opened, or broke.
   *
   * @param host the node
   * @param error why the connection failed
   * @return true to mark the node down now
   */
  boolean addFailure(Host host, Throwable error);

  /**
   * A connection to {@code host} succeeded: forget its failures. Does nothing by default.
   *
   * @param host the node
   */
  default void reset(Host host) {}
}
