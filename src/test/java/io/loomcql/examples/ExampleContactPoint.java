package io.loomcql.examples;

import java.net.InetSocketAddress;

/**
 * Where the examples' {@code main} methods connect: the first argument ({@code host} or
 * {@code host:port}), else the environment variable {@code LOOMCQL_CONTACT_POINT}, else
 * {@code 127.0.0.1:9042}. Not part of any example's lesson; it only keeps the mains short.
 */
final class ExampleContactPoint {
  static final String ENV = "LOOMCQL_CONTACT_POINT";
  static final String DEFAULT = "127.0.0.1:9042";

  private ExampleContactPoint() {}

  static InetSocketAddress from(String[] args) {
    String text = args.length > 0 ? args[0] : System.getenv().getOrDefault(ENV, DEFAULT);
    int colon = text.lastIndexOf(':');
    if (colon < 0 || text.endsWith("]")) {
      return new InetSocketAddress(text, 9042);
    }
    String host = text.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    return new InetSocketAddress(host, Integer.parseInt(text.substring(colon + 1)));
  }
}
