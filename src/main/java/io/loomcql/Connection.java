package io.loomcql;

import java.net.InetSocketAddress;

/** A connection of a pool, as {@link HostConnectionPool#borrowConnection} hands it out. */
public interface Connection {
  InetSocketAddress address();

  boolean isOpen();

  /** Requests holding a stream id on this connection. */
  int inFlight();
}
