package io.loomcql;

import java.time.Duration;
import java.util.Objects;

/**
 * TCP settings of every connection. Immutable; {@code withX} returns a copy.
 *
 * @param connectTimeout TCP connect (and TLS handshake) timeout; default 5 s
 * @param tcpNoDelay disables Nagle's algorithm; default true (the writer coalesces already)
 * @param keepAlive TCP keep-alive probes; default false (heartbeats do this job)
 * @param sendBufferSize SO_SNDBUF in bytes, or 0 for the OS default
 * @param receiveBufferSize SO_RCVBUF in bytes, or 0 for the OS default
 */
public record SocketOptions(
    Duration connectTimeout, boolean tcpNoDelay, boolean keepAlive, int sendBufferSize, int receiveBufferSize) {

  /** The defaults: 5 s connect timeout, TCP_NODELAY on, keep-alive off, the OS's buffer sizes. */
  public static final SocketOptions DEFAULT = new SocketOptions(Duration.ofSeconds(5), true, false, 0, 0);

  /**
   * Checks the settings.
   *
   * @param connectTimeout TCP connect (and TLS handshake) timeout
   * @param tcpNoDelay whether to disable Nagle's algorithm
   * @param keepAlive whether to send TCP keep-alive probes
   * @param sendBufferSize SO_SNDBUF in bytes, or 0 for the OS default
   * @param receiveBufferSize SO_RCVBUF in bytes, or 0 for the OS default
   * @throws NullPointerException if {@code connectTimeout} is null
   * @throws IllegalArgumentException if the timeout is not positive or a buffer size is negative
   */
  public SocketOptions {
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    if (connectTimeout.isNegative() || connectTimeout.isZero()) {
      throw new IllegalArgumentException("connect timeout must be positive, got " + connectTimeout);
    }
    if (sendBufferSize < 0 || receiveBufferSize < 0) {
      throw new IllegalArgumentException("buffer sizes must be 0 (OS default) or positive");
    }
  }

  /**
   * A copy with this setting changed.
   *
   * @param timeout the TCP connect (and TLS handshake) timeout, positive
   * @return the copy
   * @throws IllegalArgumentException if the timeout is not positive
   */
  public SocketOptions withConnectTimeout(Duration timeout) {
    return new SocketOptions(timeout, tcpNoDelay, keepAlive, sendBufferSize, receiveBufferSize);
  }

  /**
   * A copy with this setting changed.
   *
   * @param noDelay {@code true} to disable Nagle's algorithm
   * @return the copy
   */
  public SocketOptions withTcpNoDelay(boolean noDelay) {
    return new SocketOptions(connectTimeout, noDelay, keepAlive, sendBufferSize, receiveBufferSize);
  }

  /**
   * A copy with this setting changed.
   *
   * @param keepAlive {@code true} to send TCP keep-alive probes
   * @return the copy
   */
  public SocketOptions withKeepAlive(boolean keepAlive) {
    return new SocketOptions(connectTimeout, tcpNoDelay, keepAlive, sendBufferSize, receiveBufferSize);
  }

  /**
   * A copy with this setting changed.
   *
   * @param bytes SO_SNDBUF in bytes, or 0 for the OS default
   * @return the copy
   * @throws IllegalArgumentException if {@code bytes} is negative
   */
  public SocketOptions withSendBufferSize(int bytes) {
    return new SocketOptions(connectTimeout, tcpNoDelay, keepAlive, bytes, receiveBufferSize);
  }

  /**
   * A copy with this setting changed.
   *
   * @param bytes SO_RCVBUF in bytes, or 0 for the OS default
   * @return the copy
   * @throws IllegalArgumentException if {@code bytes} is negative
   */
  public SocketOptions withReceiveBufferSize(int bytes) {
    return new SocketOptions(connectTimeout, tcpNoDelay, keepAlive, sendBufferSize, bytes);
  }
}
