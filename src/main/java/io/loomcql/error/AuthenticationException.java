package io.loomcql.error;

import java.net.InetSocketAddress;

/** Error code 0x0100: authentication was required and failed. */
public class AuthenticationException extends CoordinatorException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception for an AUTHENTICATION error.
   *
   * @param coordinator the node that sent the error, or {@code null} if not known
   * @param serverMessage the error message, as the server wrote it
   */
  public AuthenticationException(InetSocketAddress coordinator, String serverMessage) {
    super(coordinator, serverMessage);
  }
}
