package io.loomcql.error;

import java.net.InetSocketAddress;

/** Error code 0x1001: the coordinator is overloaded and refused the request. */
public class OverloadedException extends CoordinatorException {
  private static final long serialVersionUID = 1L;

  public OverloadedException(InetSocketAddress coordinator, String serverMessage) {
    super(coordinator, serverMessage);
  }
}
