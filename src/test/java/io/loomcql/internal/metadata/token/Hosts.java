package io.loomcql.internal.metadata.token;

import io.loomcql.internal.metadata.DefaultHost;
import io.loomcql.internal.metadata.NodeInfo;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.UUID;

/** Hand-built nodes for token map tests: no DNS, no network, just address, location and tokens. */
final class Hosts {
  private Hosts() {}

  /** Node number {@code n} at 10.x.y.z, in {@code dc}/{@code rack}, owning the given tokens. */
  static DefaultHost host(int n, String dc, String rack, String... tokens) {
    try {
      InetAddress address = InetAddress.getByAddress(new byte[] {10, (byte) (n >> 16), (byte) (n >> 8), (byte) n});
      InetSocketAddress socket = new InetSocketAddress(address, 9042);
      DefaultHost host = new DefaultHost(socket);
      host.describe(new NodeInfo(socket, dc, rack, "5.0.0", new UUID(0, n), new LinkedHashSet<>(Arrays.asList(tokens)), null));
      return host;
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  /** Murmur3 tokens as strings. */
  static String[] tokens(long... values) {
    return Arrays.stream(values).mapToObj(Long::toString).toArray(String[]::new);
  }
}
