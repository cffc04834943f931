package io.loomcql.bench.client;

import java.net.InetSocketAddress;

/**
 * How a client connects: the node, the protocol version (4 unless told), the stream ids per
 * connection, and the local datacenter the Java driver must be told.
 */
public record ClientOptions(InetSocketAddress node, int protocolVersion, int maxRequestsPerConnection,
    String localDatacenter) {

  public static ClientOptions parse(String hostPort, int protocolVersion, int maxRequests, String datacenter) {
    int colon = hostPort.lastIndexOf(':');
    InetSocketAddress node = new InetSocketAddress(hostPort.substring(0, colon),
        Integer.parseInt(hostPort.substring(colon + 1)));
    return new ClientOptions(node, protocolVersion, maxRequests, datacenter);
  }
}
