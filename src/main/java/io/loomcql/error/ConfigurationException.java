package io.loomcql.error;

import java.net.InetSocketAddress;

/** Error code 0x2300: the statement conflicts with the node's configuration. */
public class ConfigurationException extends CoordinatorException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception for a CONFIG_ERROR.
   *
   * @param coordinator the node that sent the error, or {@code null} if not known
   * @param serverMessage the error message, as the server wrote it
   */
  public ConfigurationException(InetSocketAddress coordinator, String serverMessage) {
    super(coordinator, serverMessage);
  }
}
