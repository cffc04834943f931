package io.loomcql;

import java.net.InetSocketAddress;

/** A connection of a pool, as {@link HostConnectionPool#borrowConnection} hands it out. */
public interface Connection {
  /** {@return the node this connection goes to} */
  InetSocketAddress address();

  /** {@return whether the connection can still take requests} False once it is closed or broke. */
  boolean isOpen();

  /** {@return how many requests hold a stream id on this connection now} */
  int inFlight();
}
