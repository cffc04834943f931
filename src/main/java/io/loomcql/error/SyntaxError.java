package io.loomcql.error;

import java.net.InetSocketAddress;

/** Error code 0x2000: the CQL text does not parse. */
public class SyntaxError extends CoordinatorException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception for a SYNTAX_ERROR.
   *
   * @param coordinator the node that sent the error, or {@code null} if not known
   * @param serverMessage the error message, as the server wrote it
   */
  public SyntaxError(InetSocketAddress coordinator, String serverMessage) {
    super(coordinator, serverMessage);
  }
}
