package io.loomcql.internal.connection;

import io.loomcql.error.ConnectionException;
import java.net.InetSocketAddress;

/**
 * The connection failed before the request reached the socket: it cannot have run, so any
 * statement, idempotent or not, may be sent to another node.
 */
public final class RequestNotSentException extends ConnectionException {
  private static final long serialVersionUID = 1L;

  RequestNotSentException(InetSocketAddress address, String message, Throwable cause) {
    super(address, message, cause);
  }
}
