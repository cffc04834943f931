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

  public UnsupportedProtocolVersionException(
      InetSocketAddress address, ProtocolVersion attempted, int serverVersion, String serverMessage) {
    super("[" + address + "] the node does not speak protocol " + attempted + " (it answered in v" + serverVersion
        + "): " + serverMessage);
    this.address = address;
    this.attempted = attempted;
    this.serverVersion = serverVersion;
  }

  public InetSocketAddress address() {
    return address;
  }

  public ProtocolVersion attempted() {
    return attempted;
  }

  /** The version the node answered in: the one it prefers. */
  public int serverVersion() {
    return serverVersion;
  }
}
