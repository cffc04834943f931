package io.loomcql.internal.pool;

import io.loomcql.Connection;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicBoolean;

/** A stream slot reserved by hand on one connection; returning it twice is harmless. */
final class BorrowedConnection implements Connection {
  private final io.loomcql.internal.connection.Connection connection;
  private final int streamId;
  private final AtomicBoolean returned = new AtomicBoolean();

  BorrowedConnection(io.loomcql.internal.connection.Connection connection, int streamId) {
    this.connection = connection;
    this.streamId = streamId;
  }

  void giveBack() {
    if (returned.compareAndSet(false, true)) {
      connection.unreserve(streamId);
    }
  }

  @Override
  public InetSocketAddress address() {
    return connection.address();
  }

  @Override
  public boolean isOpen() {
    return connection.isOpen();
  }

  @Override
  public int inFlight() {
    return connection.inFlight();
  }

  @Override
  public String toString() {
    return connection + " (stream " + streamId + " reserved)";
  }
}
