package io.loomcql.error;

import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * Every stream id of the connections to a node stayed taken for the whole wait: the caller
 * parked until its timeout and no slot freed. Raise {@code withMaxRequestsPerConnection} or
 * {@code withConnectionsPerHost}, or send less at once.
 */
public class BusyPoolException extends DriverException {
  private static final long serialVersionUID = 1L;

  private final transient InetSocketAddress address;

  /**
   * Creates the exception for a connection that had no free stream id in time.
   *
   * @param address the node the connection goes to
   * @param capacity how many stream ids the connection has
   * @param waited how long the caller waited for one
   */
  public BusyPoolException(InetSocketAddress address, int capacity, Duration waited) {
    super("[" + address + "] all " + capacity + " stream ids stayed in use for " + waited.toMillis()
        + " ms; raise withMaxRequestsPerConnection or withConnectionsPerHost, or send less at once");
    this.address = address;
  }

  /**
   * The node whose connection was full.
   *
   * @return its address; {@code null} after the exception was deserialized
   */
  public InetSocketAddress address() {
    return address;
  }
}
