package io.loomcql.testkit;

import java.time.Duration;

/**
 * What {@link FaultProxy} does to the bytes of one direction: client to server ("upstream") or
 * server to client ("downstream"). A closed list of effects, as scylla-proxy's reactions and
 * OkHttp's {@code SocketEffect}; each takes effect at once and can be changed at any time.
 *
 * <p>Obtained from {@link FaultProxy#upstream()} / {@link FaultProxy#downstream()} (every
 * connection, now and later) or from one {@link FaultProxy.Link}. Thread-safe.
 */
public interface Faults {
  /** Holds each chunk read this long before forwarding it (added latency); zero for none. */
  Faults delay(Duration perChunk);

  /**
   * Stops reading and forwarding, keeping both sockets open: a blackhole. The sender's writes
   * fill the TCP buffers and then block. Bytes read just before the stall are held, not lost.
   */
  Faults stall();

  /** Ends a {@link #stall()}: held bytes and everything after them flow again. */
  Faults resume();

  /**
   * Resets the connection (TCP RST to both ends, through {@code SO_LINGER 0}) once {@code bytes}
   * more bytes went this way; with 0, resets it now.
   */
  Faults resetAfter(long bytes);

  /**
   * Shuts down the output of this direction: the receiver reads end of stream while the other
   * direction keeps flowing. Later bytes of this direction are read and discarded.
   */
  Faults halfClose();

  /**
   * Flips every bit of the byte at {@code offset} of this direction's stream, counted from the
   * connection's first byte (offset 0). Once per connection; an offset already passed is ignored.
   */
  Faults corruptAt(long offset);

  /** Removes the delay, the stall, a pending reset and a pending corruption (not a half-close). */
  Faults clear();
}
