package io.loomcql;

import io.loomcql.metadata.Host;
import java.time.Duration;

/**
 * A session's connections to one node (from {@code session.pool(host)}): to observe the pool, or
 * to reserve a stream slot by hand. Thread-safe.
 */
public interface HostConnectionPool {
  /** {@return the node this pool connects to} */
  Host host();

  /** {@return whether the pool was closed: it opens no connection and takes no request any more} */
  boolean isShutdown();

  /** {@return how many connections are open and taking requests} */
  int openCount();

  /** {@return how many requests hold a stream id on the pool's connections, orphans included} */
  int inFlight();

  /**
   * Reserves one stream slot on the least busy connection, waiting up to {@code timeout} for one
   * to free. Give it back with {@link #returnConnection}.
   *
   * @param timeout how long to wait for a free slot
   * @return the connection holding the reserved slot
   * @throws io.loomcql.error.BusyPoolException if no slot freed in time
   * @throws io.loomcql.error.ConnectionException if the node has no open connection
   */
  Connection borrowConnection(Duration timeout);

  /**
   * Releases the slot that {@link #borrowConnection} reserved. Idempotent.
   *
   * @param connection a connection this pool's {@link #borrowConnection} returned
   * @throws IllegalArgumentException if the connection was not borrowed from a pool
   */
  void returnConnection(Connection connection);
}
