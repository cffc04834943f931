package io.loomcql.error;

import java.net.InetSocketAddress;

/** Error code 0x2200: the statement parses but is invalid (unknown table or column, wrong types, ...). */
public class InvalidQueryException extends CoordinatorException {
  private static final long serialVersionUID = 1L;

  public InvalidQueryException(InetSocketAddress coordinator, String serverMessage) {
    super(coordinator, serverMessage);
  }
}
