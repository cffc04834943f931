package io.loomcql.internal.pool;

import io.loomcql.error.ConnectionException;
import java.net.InetSocketAddress;

/**
 * A pool has no usable connection and an attempt to open one is under way. Nothing was sent: the
 * request may try another node first and come back to wait for this one if none answers.
 */
public final class ReconnectingException extends ConnectionException {
  private static final long serialVersionUID = 1L;

  public ReconnectingException(InetSocketAddress address, String message) {
    super(address, message);
  }
}
