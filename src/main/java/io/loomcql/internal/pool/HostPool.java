package io.loomcql.internal.pool;

import io.loomcql.error.ConnectionException;
import io.loomcql.internal.connection.Connection;
import io.loomcql.internal.connection.ConnectionConfig;
import io.loomcql.internal.connection.Handshake;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The connections of one session to one node. Requests go to the least busy open connection. A
 * connection found broken is replaced by the next caller that needs it, one reopening at a time
 * per slot (the reconnection schedule of the reference drivers comes with the pool work).
 *
 * <p>Thread-safe: {@link #borrow()} is lock-free while every connection is healthy; the lock is
 * taken only to replace a connection, and never held across anything but that replacement.
 */
public final class HostPool implements AutoCloseable {
  private final InetSocketAddress address;
  private final ConnectionConfig config;
  private final Duration connectTimeout;
  private final Supplier<String> keyspace;
  private final AtomicReferenceArray<Connection> connections;
  private final ReentrantLock reopenLock = new ReentrantLock();
  private volatile boolean closed;

  public HostPool(
      InetSocketAddress address, ConnectionConfig config, int size, Duration connectTimeout, Supplier<String> keyspace) {
    this.address = address;
    this.config = config;
    this.connectTimeout = connectTimeout;
    this.keyspace = keyspace;
    this.connections = new AtomicReferenceArray<>(size);
  }

  /** Opens every connection; fails (closing what opened) if the first one cannot be opened. */
  public void open() {
    connections.set(0, Handshake.connect(address, config, keyspace.get(), connectTimeout));
    for (int i = 1; i < connections.length(); i++) {
      try {
        connections.set(i, Handshake.connect(address, config, keyspace.get(), connectTimeout));
      } catch (RuntimeException e) {
        // The pool works with fewer connections; the missing ones are opened on demand.
      }
    }
  }

  public InetSocketAddress address() {
    return address;
  }

  /** The least busy open connection, reopening one if none is open. */
  public Connection borrow() {
    Connection best = null;
    int bestLoad = Integer.MAX_VALUE;
    for (int i = 0; i < connections.length(); i++) {
      Connection connection = connections.get(i);
      if (connection != null && connection.isUsable()) {
        int load = connection.inFlight();
        if (load < bestLoad) {
          best = connection;
          bestLoad = load;
        }
      }
    }
    return best != null ? best : reopen();
  }

  private Connection reopen() {
    reopenLock.lock();
    try {
      if (closed) {
        throw new ConnectionException(address, "pool closed");
      }
      int replace = -1;
      for (int i = 0; i < connections.length(); i++) {
        Connection connection = connections.get(i);
        if (connection != null && connection.isUsable()) {
          return connection; // another caller reopened one while we waited for the lock
        }
        if (replace < 0) {
          replace = i; // the first broken, draining or missing slot
        }
      }
      Connection fresh = Handshake.connect(address, config, keyspace.get(), connectTimeout);
      connections.set(replace, fresh); // a draining connection closes itself once its last request ends
      return fresh;
    } finally {
      reopenLock.unlock();
    }
  }

  /** Open connections. */
  public int openCount() {
    int open = 0;
    for (int i = 0; i < connections.length(); i++) {
      Connection connection = connections.get(i);
      if (connection != null && connection.isOpen()) {
        open++;
      }
    }
    return open;
  }

  /** Requests holding a stream id on any connection. */
  public int inFlight() {
    int total = 0;
    for (int i = 0; i < connections.length(); i++) {
      Connection connection = connections.get(i);
      if (connection != null && connection.isOpen()) {
        total += connection.inFlight();
      }
    }
    return total;
  }

  /** Runs {@code USE keyspace} on every open connection whose keyspace differs. */
  public void switchKeyspace(String keyspace, long deadlineNanos) {
    for (int i = 0; i < connections.length(); i++) {
      Connection connection = connections.get(i);
      if (connection != null && connection.isOpen() && !keyspace.equals(connection.keyspace())) {
        Handshake.use(connection, keyspace, deadlineNanos);
      }
    }
  }

  public boolean isClosed() {
    return closed;
  }

  @Override
  public void close() {
    reopenLock.lock();
    try {
      closed = true;
    } finally {
      reopenLock.unlock();
    }
    for (int i = 0; i < connections.length(); i++) {
      Connection connection = connections.getAndSet(i, null);
      if (connection != null) {
        connection.close();
      }
    }
  }
}
