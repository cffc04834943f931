package io.loomcql.internal.pool;

import io.loomcql.internal.DriverResources;
import io.loomcql.error.ConnectionException;
import io.loomcql.error.OperationTimedOutException;
import io.loomcql.error.DriverException;
import io.loomcql.internal.connection.Connection;
import io.loomcql.internal.connection.ConnectionConfig;
import io.loomcql.internal.connection.Handshake;
import io.loomcql.policy.ReconnectionPolicy;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connections of one session to one node. Requests go to the least busy usable connection.
 *
 * <p>Lost connections are replaced on the {@link ReconnectionPolicy}'s schedule: a background
 * virtual thread refills the pool. After a connection broke, its first attempt waits one
 * (jittered) delay, so that the many clients of a node that restarts do not all come back at the
 * same instant; a connection the driver closed itself (drained of orphans) is replaced at once. A
 * caller that finds no usable connection connects itself only when an attempt is due, else fails
 * at once saying when the next one is. So a dead node costs its callers a refused connect now and
 * then, not a connect timeout each.
 *
 * <p>Thread-safe: {@link #borrow()} is lock-free while a connection is usable; the lock guards
 * only opening connections and the schedule, and is never held across anything else.
 */
public final class HostPool implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HostPool.class);

  private final InetSocketAddress address;
  private final ConnectionConfig config;
  private final Duration handshakeTimeout;
  private final Supplier<String> keyspace;
  private final ReconnectionPolicy reconnection;
  private final Health health;
  private final AtomicReferenceArray<Connection> connections;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition attemptDue = lock.newCondition();
  private final AtomicBoolean refilling = new AtomicBoolean();
  private ReconnectionPolicy.Schedule schedule; // guarded by lock; null while the node is reachable
  private long nextAttemptNanos; // guarded by lock
  private RuntimeException lastFailure; // guarded by lock
  private volatile boolean closed;
  private volatile boolean connecting;
  private volatile Thread refiller; // the background refill thread while it runs
  private final java.util.concurrent.atomic.LongAdder retiredBytesSent = new java.util.concurrent.atomic.LongAdder();
  private final java.util.concurrent.atomic.LongAdder retiredBytesReceived =
      new java.util.concurrent.atomic.LongAdder();
  private final CountDownLatch firstAttempt = new CountDownLatch(1);

  /** Told how connection attempts to the node go, so the node can be marked up or down. */
  public interface Health {
    void reachable();

    void unreachable(RuntimeException error);
  }

  /**
   * @param health told of every successful and failed connection attempt
   */
  public HostPool(
      InetSocketAddress address,
      ConnectionConfig config,
      int size,
      Duration handshakeTimeout,
      Supplier<String> keyspace,
      ReconnectionPolicy reconnection,
      Health health) {
    this.address = address;
    this.config = config;
    this.handshakeTimeout = handshakeTimeout;
    this.keyspace = keyspace;
    this.reconnection = reconnection;
    this.health = health;
    this.connections = new AtomicReferenceArray<>(size);
  }

  /** Opens the first connection (failing if it cannot) and the others in the background. */
  public void open() {
    install(0, connect());
    if (connections.length() > 1) {
      startRefill();
    }
  }

  /** Opens the connections in the background: for the other nodes, opened in parallel. */
  public void openInBackground() {
    startRefill();
  }

  /**
   * Waits until the pool's first connection attempt ended, successfully or not, or the deadline
   * passed.
   *
   * @return whether the attempt ended in time
   */
  public boolean awaitFirstAttempt(long deadlineNanos) {
    try {
      return firstAttempt.await(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  public InetSocketAddress address() {
    return address;
  }

  /**
   * The least busy usable connection.
   *
   * @throws ConnectionException if none is usable and none can be opened now
   */
  public Connection borrow() {
    return borrow(System.nanoTime() + handshakeTimeout.toNanos(), true);
  }

  /**
   * The least busy usable connection; if there is none, one attempt to open one. If another
   * attempt is under way, waits for it up to the deadline when {@code waitForAttempt}, else fails
   * at once with {@link ReconnectingException} (the attempt may hang for a whole handshake
   * timeout, and another node may answer now).
   *
   * @throws ConnectionException if none is usable and none can be opened in time
   */
  public Connection borrow(long deadlineNanos, boolean waitForAttempt) {
    Connection best = leastBusy();
    return best != null ? best : connectNow(deadlineNanos, waitForAttempt);
  }

  private Connection leastBusy() {
    Connection best = null;
    int bestLoad = Integer.MAX_VALUE; // read only once there are two to compare: the count is a contended cache line
    for (int i = 0; i < connections.length(); i++) {
      Connection connection = connections.get(i);
      if (connection != null && connection.isUsable()) {
        if (best == null) {
          best = connection;
          continue;
        }
        if (bestLoad == Integer.MAX_VALUE) {
          bestLoad = best.inFlight();
        }
        int load = connection.inFlight();
        if (load < bestLoad) {
          best = connection;
          bestLoad = load;
        }
      }
    }
    return best;
  }

  private Connection connectNow(long deadlineNanos, boolean waitForAttempt) {
    if (connecting && !waitForAttempt) {
      throw new ReconnectingException(address, "no usable connection; a connection attempt is under way"
          + (lastFailure == null ? "" : " (last error: " + lastFailure.getMessage() + ")"));
    }
    try {
      if (!lock.tryLock(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS)) {
        throw new ConnectionException(address, "no usable connection before the request's deadline");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DriverException("interrupted while waiting for a connection to " + address);
    }
    try {
      Connection usable = leastBusy();
      if (usable != null) {
        return usable; // another caller reconnected while we waited for the lock
      }
      if (closed) {
        throw new ConnectionException(address, "pool closed");
      }
      long wait = nextAttemptNanos - System.nanoTime();
      if (schedule != null && wait > 0) {
        throw new ConnectionException(address, "no open connection; next reconnection attempt in "
            + Duration.ofNanos(wait).toMillis() + " ms ("
            + (lastFailure == null ? "the connection broke" : "last error: " + lastFailure.getMessage()) + ")",
            lastFailure);
      }
      return install(firstFreeSlot(), connect());
    } finally {
      lock.unlock();
    }
  }

  /** One connection attempt; on failure the schedule decides when the next one may happen. */
  private Connection connect() {
    connecting = true; // set and cleared under the lock; read without it by connectNow()
    try {
      Connection connection = Handshake.connect(address, config, keyspace.get(), handshakeTimeout);
      lock.lock();
      try {
        if (lastFailure != null) {
          LOG.info("[{}] reconnected", address);
        }
        schedule = null;
        lastFailure = null;
      } finally {
        lock.unlock();
      }
      health.reachable();
      return connection;
    } catch (RuntimeException e) {
      lock.lock();
      try {
        if (schedule == null) {
          schedule = reconnection.newSchedule();
          LOG.debug("[{}] cannot connect ({}); reconnecting on schedule", address, e.toString());
        }
        nextAttemptNanos = System.nanoTime() + schedule.nextDelay().toNanos();
        lastFailure = e;
      } finally {
        lock.unlock();
      }
      if (!closed) { // a connect that close() cut short says nothing about the node
        health.unreachable(e);
      }
      if (e instanceof OperationTimedOutException) {
        // The handshake's own timeout, not the request's: to the request it is a node that could
        // not be reached (nothing was sent), so it may go on to the next one.
        throw new ConnectionException(address, "no answer to the connection handshake within "
            + handshakeTimeout.toMillis() + " ms", e);
      }
      throw e;
    } finally {
      connecting = false;
      firstAttempt.countDown();
    }
  }

  private Connection install(int slot, Connection connection) {
    if (closed) {
      connection.close();
      throw new ConnectionException(address, "pool closed");
    }
    connections.set(slot, connection);
    connection.onClose(() -> connectionClosed(connection));
    return connection;
  }

  private int firstFreeSlot() {
    for (int i = 0; i < connections.length(); i++) {
      Connection connection = connections.get(i);
      if (connection == null || !connection.isUsable()) {
        return i; // a draining connection closes itself once its last request ends
      }
    }
    return 0;
  }

  private void connectionClosed(Connection connection) {
    retiredBytesSent.add(connection.bytesSent());
    retiredBytesReceived.add(connection.bytesReceived());
    if (closed) {
      return;
    }
    boolean broke = !connection.closedByDriver(); // a drained connection's node is fine: replace it now
    if (broke && !hasUsableConnection()) {
      // As in the reference drivers, a node whose last connection broke is down until a
      // reconnection succeeds; the first attempt waits a delay, the node's state should not.
      // The schedule goes first: a request that sees the node down then fails fast with the next
      // attempt's time instead of trying a connection of its own.
      scheduleAfterLoss(false);
      health.unreachable(new ConnectionException(address, "its last connection broke; reconnecting on schedule"));
    }
    startRefill(broke);
  }

  /**
   * Starts the reconnection schedule after a loss, unless one runs. {@code wait} false is for the
   * thread that saw the loss (a reader or a caller): it only tries the lock, which a connection
   * attempt may hold for a whole handshake, and then that attempt sets the schedule if it fails.
   */
  private void scheduleAfterLoss(boolean wait) {
    if (wait) {
      lock.lock();
    } else if (!lock.tryLock()) {
      return;
    }
    try {
      if (schedule == null && !closed) {
        schedule = reconnection.newSchedule();
        nextAttemptNanos = System.nanoTime() + schedule.nextDelay().toNanos();
      }
    } finally {
      lock.unlock();
    }
  }

  /** Refills missing connections in the background, on the schedule, until all are back. */
  private void startRefill() {
    startRefill(false);
  }

  /**
   * @param afterLoss a connection broke: if no schedule runs yet, the first attempt waits the
   *     schedule's first delay (the reference drivers do the same); the jitter in that delay is
   *     what spreads the clients of a restarting node apart
   */
  private void startRefill(boolean afterLoss) {
    if (refilling.compareAndSet(false, true)) {
      DriverResources.startThread("loomcql-pool-" + address, () -> refill(afterLoss));
    }
  }

  private void refill(boolean afterLoss) {
    refiller = Thread.currentThread();
    if (closed) { // close() may have missed this thread: it was not published yet
      refilling.set(false);
      refiller = null;
      return;
    }
    if (afterLoss) {
      scheduleAfterLoss(true); // waits for the lock here, on the refill thread, if the loss's thread could not
    }
    try {
      while (!closed && missing() > 0) {
        // Connect under the lock: one attempt at a time, and a caller that finds no usable
        // connection waits for this one instead of opening a second for the same slot.
        lock.lock();
        try {
          long wait = schedule == null ? 0 : nextAttemptNanos - System.nanoTime();
          if (closed) {
            break;
          } else if (wait > 0) {
            attemptDue.awaitNanos(wait); // woken early by reconnectNow() or close()
          } else if (!closed && missing() > 0) {
            install(firstFreeSlot(), connect());
          }
        } catch (RuntimeException e) {
          // connect() scheduled the next attempt; loop and wait for it
        } finally {
          lock.unlock();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      refiller = null;
      refilling.set(false);
    }
    if (!closed && missing() > 0) {
      startRefill(); // a connection closed while we were finishing (its loss already set the schedule)
    }
  }

  private int missing() {
    int missing = 0;
    for (int i = 0; i < connections.length(); i++) {
      Connection connection = connections.get(i);
      if (connection == null || !connection.isUsable()) {
        missing++;
      }
    }
    return missing;
  }

  /**
   * The node is said to be back (an UP event): make the next attempt now instead of waiting out
   * the reconnection delay.
   */
  public void reconnectNow() {
    lock.lock();
    try {
      if (closed || schedule == null) {
        return;
      }
      nextAttemptNanos = System.nanoTime();
      attemptDue.signalAll();
    } finally {
      lock.unlock();
    }
    startRefill();
  }

  /** Whether at least one connection can take requests now. */
  public boolean hasUsableConnection() {
    return leastBusy() != null;
  }

  /** Usable connections. */
  public int openCount() {
    return connections.length() - missing();
  }

  /** Bytes sent and received by every connection this pool has had: {sent, received}. */
  public long[] traffic() {
    long sent = retiredBytesSent.sum();
    long received = retiredBytesReceived.sum();
    for (int i = 0; i < connections.length(); i++) {
      Connection connection = connections.get(i);
      if (connection != null && connection.isOpen()) {
        sent += connection.bytesSent();
        received += connection.bytesReceived();
      }
    }
    return new long[] {sent, received};
  }

  /** Requests holding a stream id on any open connection. */
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

  /** Runs {@code USE keyspace} on every usable connection whose keyspace differs. */
  public void switchKeyspace(String keyspace, long deadlineNanos) {
    for (int i = 0; i < connections.length(); i++) {
      Connection connection = connections.get(i);
      if (connection != null && connection.isUsable() && !keyspace.equals(connection.keyspace())) {
        Handshake.use(connection, keyspace, deadlineNanos);
      }
    }
  }

  public boolean isClosed() {
    return closed;
  }

  /**
   * Closes every connection and stops reconnecting, without waiting: the lock may be held by a
   * connection attempt for up to a handshake timeout, so the refill thread is woken (if it waits
   * out a reconnection delay) or interrupted (if it connects), and a caller's attempt under way
   * closes what it opens once it sees the pool closed.
   */
  @Override
  public void close() {
    closed = true;
    if (lock.tryLock()) {
      try {
        attemptDue.signalAll(); // the refill thread may be waiting out a long reconnection delay
      } finally {
        lock.unlock();
      }
    }
    Thread thread = refiller;
    if (thread != null && thread != Thread.currentThread()) {
      thread.interrupt(); // cuts a connect or handshake short; the thread then sees the pool closed
    }
    for (int i = 0; i < connections.length(); i++) {
      Connection connection = connections.getAndSet(i, null);
      if (connection != null) {
        connection.close();
      }
    }
  }
}
