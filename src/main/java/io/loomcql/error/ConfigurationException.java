package io.loomcql.error;

import java.net.InetSocketAddress;

/** Error code 0x2300: the statement conflicts with the node's configuration. */
public class ConfigurationException extends CoordinatorException {
  private static final long serialVersionUID = 1L;

  public ConfigurationException(InetSocketAddress coordinator, String serverMessage) {
    super(coordinator, serverMessage);
  }
}
