package io.loomcql.error;

import java.net.InetSocketAddress;

/** Error code 0x0100: authentication was required and failed. */
public class AuthenticationException extends CoordinatorException {
  private static final long serialVersionUID = 1L;

  public AuthenticationException(InetSocketAddress coordinator, String serverMessage) {
    super(coordinator, serverMessage);
  }
}
