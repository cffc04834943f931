package io.loomcql.error;

import io.loomcql.ProtocolVersion;
import java.net.InetSocketAddress;

/**
 * A node refused the protocol version the driver asked for. Carries the version the node
 * answered in (its preferred one), which is what negotiation steps down to.
 */
public class UnsupportedProtocolVersionException extends DriverException {
  private static final long serialVersionUID = 1L;

  private final transient InetSocketAddress address;
  private final ProtocolVersion attempted;
  private final int serverVersion;

  /**
   * Creates the exception.
   *
   * @param address the node that refused
   * @param attempted the version the driver asked for
   * @param serverVersion the version the node answered in
   * @param serverMessage the node's error message
   */
  public UnsupportedProtocolVersionException(
      InetSocketAddress address, ProtocolVersion attempted, int serverVersion, String serverMessage) {
    super("[" + address + "] the node does not speak protocol " + attempted + " (it answered in v" + serverVersion
        + "): " + serverMessage);
    this.address = address;
    this.attempted = attempted;
    this.serverVersion = serverVersion;
  }

  /**
   * The node that refused the version.
   *
   * @return its address; {@code null} after the exception was deserialized
   */
  public InetSocketAddress address() {
    return address;
  }

  /**
   * The version the driver asked for and the node refused.
   *
   * @return the version
   */
  public ProtocolVersion attempted() {
    return attempted;
  }

  /**
   * The version the node answered in: the one it prefers. A number rather than a {@link
   * ProtocolVersion}, since it may be one the driver does not know.
   *
   * @return the version number, for example 4
   */
  public int serverVersion() {
    return serverVersion;
  }
}
