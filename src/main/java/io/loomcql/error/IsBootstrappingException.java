package io.loomcql.error;

import java.net.InetSocketAddress;

/** Error code 0x1002: the coordinator is still bootstrapping and cannot serve reads. */
public class IsBootstrappingException extends CoordinatorException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception for an IS_BOOTSTRAPPING error.
   *
   * @param coordinator the node that sent the error, or {@code null} if not known
   * @param serverMessage the error message, as the server wrote it
   */
  public IsBootstrappingException(InetSocketAddress coordinator, String serverMessage) {
    super(coordinator, serverMessage);
  }
}
