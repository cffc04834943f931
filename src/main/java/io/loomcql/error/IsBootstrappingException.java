package io.loomcql.error;

import java.net.InetSocketAddress;

/** Error code 0x1002: the coordinator is still bootstrapping and cannot serve reads. */
public class IsBootstrappingException extends CoordinatorException {
  private static final long serialVersionUID = 1L;

  public IsBootstrappingException(InetSocketAddress coordinator, String serverMessage) {
    super(coordinator, serverMessage);
  }
}
