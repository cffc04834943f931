package io.loomcql.internal.pool;

import io.loomcql.internal.metadata.DefaultHost;
import io.loomcql.Connection;
import io.loomcql.HostConnectionPool;
import io.loomcql.metadata.Host;
import java.time.Duration;

/** The public view of a {@link HostPool}. */
public final class DefaultHostConnectionPool implements HostConnectionPool {
  private final Host host;
  private final HostPool pool;

  public DefaultHostConnectionPool(Host host, HostPool pool) {
    this.host = host;
    this.pool = pool;
  }

  @Override
  public Host host() {
    return host;
  }

  @Override
  public boolean isShutdown() {
    return pool.isClosed();
  }

  @Override
  public int openCount() {
    return pool.openCount();
  }

  @Override
  public int inFlight() {
    return pool.inFlight();
  }

  @Override
  public Connection borrowConnection(Duration timeout) {
    io.loomcql.internal.connection.Connection connection = pool.borrow();
    return new BorrowedConnection(connection, connection.reserve(timeout));
  }

  @Override
  public void returnConnection(Connection connection) {
    if (!(connection instanceof BorrowedConnection borrowed)) {
      throw new IllegalArgumentException("not a connection borrowed from this pool: " + connection);
    }
    borrowed.giveBack();
  }

  @Override
  public String toString() {
    return "HostConnectionPool[" + host + ", open " + openCount() + ", in flight " + inFlight() + "]";
  }
}
