package io.loomcql.error;

import java.net.InetSocketAddress;

/** Error code 0x1001: the coordinator is overloaded and refused the request. */
public class OverloadedException extends CoordinatorException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception for an OVERLOADED error.
   *
   * @param coordinator the node that sent the error, or {@code null} if not known
   * @param serverMessage the error message, as the server wrote it
   */
  public OverloadedException(InetSocketAddress coordinator, String serverMessage) {
    super(coordinator, serverMessage);
  }
}
