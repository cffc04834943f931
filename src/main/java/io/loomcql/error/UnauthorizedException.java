package io.loomcql.error;

import java.net.InetSocketAddress;

/** Error code 0x2100: the logged-in role may not run this statement. */
public class UnauthorizedException extends CoordinatorException {
  private static final long serialVersionUID = 1L;

  public UnauthorizedException(InetSocketAddress coordinator, String serverMessage) {
    super(coordinator, serverMessage);
  }
}
