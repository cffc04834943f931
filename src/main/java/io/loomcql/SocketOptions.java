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

  public static final SocketOptions DEFAULT = new SocketOptions(Duration.ofSeconds(5), true, false, 0, 0);

  public SocketOptions {
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    if (connectTimeout.isNegative() || connectTimeout.isZero()) {
      throw new IllegalArgumentException("connect timeout must be positive, got " + connectTimeout);
    }
    if (sendBufferSize < 0 || receiveBufferSize < 0) {
      throw new IllegalArgumentException("buffer sizes must be 0 (OS default) or positive");
    }
  }

  public SocketOptions withConnectTimeout(Duration timeout) {
    return new SocketOptions(timeout, tcpNoDelay, keepAlive, sendBufferSize, receiveBufferSize);
  }

  public SocketOptions withTcpNoDelay(boolean noDelay) {
    return new SocketOptions(connectTimeout, noDelay, keepAlive, sendBufferSize, receiveBufferSize);
  }

  public SocketOptions withKeepAlive(boolean keepAlive) {
    return new SocketOptions(connectTimeout, tcpNoDelay, keepAlive, sendBufferSize, receiveBufferSize);
  }

  public SocketOptions withSendBufferSize(int bytes) {
    return new SocketOptions(connectTimeout, tcpNoDelay, keepAlive, bytes, receiveBufferSize);
  }

  public SocketOptions withReceiveBufferSize(int bytes) {
    return new SocketOptions(connectTimeout, tcpNoDelay, keepAlive, sendBufferSize, bytes);
  }
}
