package io.loomcql.error;

import java.net.InetSocketAddress;

/** Error code 0x2200: the statement parses but is invalid (unknown table or column, wrong types, ...). */
public class InvalidQueryException extends CoordinatorException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception for an INVALID error.
   *
   * @param coordinator the node that sent the error, or {@code null} if not known
   * @param serverMessage the error message, as the server wrote it
   */
  public InvalidQueryException(InetSocketAddress coordinator, String serverMessage) {
    super(coordinator, serverMessage);
  }
}
