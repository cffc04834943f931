package io.loomcql.error;

import java.net.InetSocketAddress;

/** Error code 0x1003: a TRUNCATE failed. */
public class TruncateException extends CoordinatorException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception for a TRUNCATE_ERROR.
   *
   * @param coordinator the node that sent the error, or {@code null} if not known
   * @param serverMessage the error message, as the server wrote it
   */
  public TruncateException(InetSocketAddress coordinator, String serverMessage) {
    super(coordinator, serverMessage);
  }
}
