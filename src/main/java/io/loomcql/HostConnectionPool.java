package io.loomcql;

import io.loomcql.metadata.Host;
import java.time.Duration;

/**
 * A session's connections to one node (from {@code session.pool(host)}): to observe the pool, or
 * to reserve a stream slot by hand. Thread-safe.
 */
public interface HostConnectionPool {
  Host host();

  boolean isShutdown();

  /** Connections open and taking requests. */
  int openCount();

  /** Requests holding a stream id, across the pool's connections (orphans included). */
  int inFlight();

  /**
   * Reserves one stream slot on the least busy connection, waiting up to {@code timeout} for one
   * to free. Give it back with {@link #returnConnection}.
   *
   * @throws io.loomcql.error.BusyPoolException if no slot freed in time
   * @throws io.loomcql.error.ConnectionException if the node has no open connection
   */
  Connection borrowConnection(Duration timeout);

  /** Releases the slot that {@link #borrowConnection} reserved. Idempotent. */
  void returnConnection(Connection connection);
}
