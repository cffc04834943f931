package io.loomcql.error;

import java.net.InetSocketAddress;

/** Error code 0x1003: a TRUNCATE failed. */
public class TruncateException extends CoordinatorException {
  private static final long serialVersionUID = 1L;

  public TruncateException(InetSocketAddress coordinator, String serverMessage) {
    super(coordinator, serverMessage);
  }
}
