package io.loomcql.policy;

import java.net.InetSocketAddress;

/**
 * Turns the address a node advertises (its {@code rpc_address} / {@code native_address} in
 * {@code system.peers}, or the address in a cluster event) into the address the driver connects
 * to: for clients behind NAT, or nodes that advertise private addresses. Called on the control
 * connection's thread for every peer on every refresh: keep it fast and side-effect free.
 */
@FunctionalInterface
public interface AddressTranslator {
  /** The identity: connect where the node says it is. */
  AddressTranslator IDENTITY = address -> address;

  /**
   * Where to connect to a node that advertises {@code advertised}. Contact points are not
   * translated: the driver connects to them as given.
   *
   * @param advertised the address and native port the node advertises
   * @return the address to connect to; never {@code null} (return {@code advertised} to keep it)
   */
  InetSocketAddress translate(InetSocketAddress advertised);
}
