package io.loomcql.error;

import java.net.InetSocketAddress;

/**
 * A connection to a node failed: it could not be opened, or it broke while requests were in
 * flight. The request never got an answer, so it is safe to retry if it is idempotent.
 */
public class ConnectionException extends DriverException {
  private static final long serialVersionUID = 1L;

  private final transient InetSocketAddress address;

  /**
   * Creates the exception without a cause.
   *
   * @param address the node the connection goes to, or {@code null} if not known
   * @param message what went wrong; the address is put in front of it
   */
  public ConnectionException(InetSocketAddress address, String message) {
    this(address, message, null);
  }

  /**
   * Creates the exception.
   *
   * @param address the node the connection goes to, or {@code null} if not known
   * @param message what went wrong; the address is put in front of it unless it is there already
   * @param cause the I/O error behind it, or {@code null}
   */
  public ConnectionException(InetSocketAddress address, String message, Throwable cause) {
    super(prefixed(address, message), cause);
    this.address = address;
  }

  /** The message with the address in front, once (a rethrown copy must not repeat it). */
  private static String prefixed(InetSocketAddress address, String message) {
    if (address == null) {
      return message;
    }
    String prefix = "[" + address + "] ";
    return message != null && message.startsWith(prefix) ? message : prefix + message;
  }

  /**
   * The node the connection went to.
   *
   * @return its address; {@code null} if not known, or after the exception was deserialized
   */
  public InetSocketAddress address() {
    return address;
  }
}
