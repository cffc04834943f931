package io.loomcql.internal.connection;

import io.loomcql.internal.DriverResources;
import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Closes a channel when a blocking step on it outlives its deadline. A blocking {@link
 * SocketChannel} has no read or write timeout of its own, and closing it is the one way to
 * unblock a thread stuck in it. A parked virtual thread watches the clock; it costs a few hundred
 * bytes and is used only for steps that happen once per connection (TLS handshake, close).
 *
 * <p>Thread-safety: {@link #finish()} may race the watchdog; exactly one of them wins.
 */
final class ChannelDeadline {
  private static final int RUNNING = 0;
  private static final int FINISHED = 1;
  private static final int EXPIRED = 2;

  private final AtomicInteger state = new AtomicInteger(RUNNING);
  private final SocketChannel channel;
  private final long deadlineNanos;
  private Thread watchdog; // set by start(), read only by the thread that called it

  private ChannelDeadline(SocketChannel channel, Duration timeout) {
    this.channel = channel;
    this.deadlineNanos = System.nanoTime() + timeout.toNanos();
  }

  /** Starts watching: unless {@link #finish()} comes first, the channel closes after {@code timeout}. */
  static ChannelDeadline start(SocketChannel channel, Duration timeout, String name) {
    ChannelDeadline deadline = new ChannelDeadline(channel, timeout);
    deadline.watchdog = DriverResources.startThread(name, deadline::watch);
    return deadline;
  }

  private void watch() {
    long left;
    while (state.get() == RUNNING && (left = deadlineNanos - System.nanoTime()) > 0) {
      LockSupport.parkNanos(this, left);
    }
    if (state.compareAndSet(RUNNING, EXPIRED)) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // closing is all we wanted; a failure leaves nothing else to do
      }
    }
  }

  /**
   * Stops the watch.
   *
   * @return false if the deadline passed first, in which case the channel is closed
   */
  boolean finish() {
    boolean finished = state.compareAndSet(RUNNING, FINISHED);
    if (finished) {
      LockSupport.unpark(watchdog);
    }
    return finished || state.get() == FINISHED;
  }

  /** Whether the deadline passed and the channel was closed for it. */
  boolean expired() {
    return state.get() == EXPIRED;
  }
}
