package io.loomcql.error;

import java.net.InetSocketAddress;

/** Error code 0x0000: the node hit an unexpected error (a server-side bug). */
public class ServerError extends CoordinatorException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception for a SERVER_ERROR.
   *
   * @param coordinator the node that sent the error, or {@code null} if not known
   * @param serverMessage the error message, as the server wrote it
   */
  public ServerError(InetSocketAddress coordinator, String serverMessage) {
    super(coordinator, serverMessage);
  }
}
