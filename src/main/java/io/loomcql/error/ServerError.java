package io.loomcql.error;

import java.net.InetSocketAddress;

/** Error code 0x0000: the node hit an unexpected error (a server-side bug). */
public class ServerError extends CoordinatorException {
  private static final long serialVersionUID = 1L;

  public ServerError(InetSocketAddress coordinator, String serverMessage) {
    super(coordinator, serverMessage);
  }
}
