package io.loomcql.error;

import java.net.InetSocketAddress;

/** Error code 0x2100: the logged-in role may not run this statement. */
public class UnauthorizedException extends CoordinatorException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception for an UNAUTHORIZED error.
   *
   * @param coordinator the node that sent the error, or {@code null} if not known
   * @param serverMessage the error message, as the server wrote it
   */
  public UnauthorizedException(InetSocketAddress coordinator, String serverMessage) {
    super(coordinator, serverMessage);
  }
}
