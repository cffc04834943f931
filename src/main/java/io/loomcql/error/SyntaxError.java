package io.loomcql.error;

import java.net.InetSocketAddress;

/** Error code 0x2000: the CQL text does not parse. */
public class SyntaxError extends CoordinatorException {
  private static final long serialVersionUID = 1L;

  public SyntaxError(InetSocketAddress coordinator, String serverMessage) {
    super(coordinator, serverMessage);
  }
}
