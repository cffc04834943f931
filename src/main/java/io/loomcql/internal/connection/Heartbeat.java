package io.loomcql.internal.connection;

import io.loomcql.error.BusyPoolException;
import io.loomcql.error.ConnectionException;
import io.loomcql.error.OperationTimedOutException;
import io.loomcql.internal.DriverResources;
import io.loomcql.internal.protocol.Options;
import java.time.Duration;

/**
 * The idle heartbeat of one connection: when no answer arrived for the interval, an OPTIONS must
 * be answered within the timeout, else the connection is defunct and everything in flight on it
 * fails with a retryable connection error. Only answers to requests count as signs of life: a
 * node may drip bytes or push events while it answers nothing.
 *
 * <p>Thread-safety: {@link #answersArrived} is called by the reader, {@link #stop} by whoever
 * closes the connection; the loop runs on its own virtual thread.
 */
final class Heartbeat implements Runnable {
  private final Connection connection;
  private final Duration interval;
  private final Duration timeout;
  private volatile long lastAnswerNanos = System.nanoTime();
  private volatile Thread thread;

  Heartbeat(Connection connection, Duration interval, Duration timeout) {
    this.connection = connection;
    this.interval = interval;
    this.timeout = timeout;
  }

  void start(String name) {
    thread = DriverResources.startThread(name, this);
  }

  /**
   * Called by the reader after a read that brought whole answers to requests. Once per read, not
   * per frame, because a read under load carries hundreds of frames and a clock read is not free.
   */
  void answersArrived() {
    lastAnswerNanos = System.nanoTime();
  }

  /** Ends the loop (unless called from it: it ends by itself once the connection is closed). */
  void stop() {
    Thread beat = thread;
    if (beat != null && beat != Thread.currentThread()) {
      beat.interrupt();
    }
  }

  @Override
  public void run() {
    long intervalNanos = interval.toNanos();
    while (connection.isOpen()) {
      long idle = System.nanoTime() - lastAnswerNanos;
      try {
        if (idle < intervalNanos) {
          Thread.sleep(Duration.ofNanos(intervalNanos - idle));
          continue;
        }
        connection.request(Options.INSTANCE, System.nanoTime() + timeout.toNanos());
      } catch (InterruptedException e) {
        return; // closed
      } catch (OperationTimedOutException | BusyPoolException e) {
        connection.defunct(new ConnectionException(connection.address(), "heartbeat: no answer to OPTIONS within "
            + timeout.toMillis() + " ms on " + connection + "; the node may be stalled"));
      } catch (RuntimeException e) {
        return; // the connection broke meanwhile; its failure is recorded already
      }
    }
  }
}
