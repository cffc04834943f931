package io.loomcql.internal.session;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns the builder's contact points ("host", "host:port", "[v6]:port") into addresses. */
public final class ContactPoints {
  private static final Logger LOG = LoggerFactory.getLogger(ContactPoints.class);

  private ContactPoints() {}

  /**
   * @param texts contact points as text, resolved now
   * @param addresses contact points given as addresses, kept as they are
   * @param port the port of a text contact point that names none
   * @return every address; the loopback address at {@code port} when none was given
   * @throws IllegalArgumentException for a malformed point, or when points were given and none resolves
   */
  public static List<InetSocketAddress> resolve(List<String> texts, List<InetSocketAddress> addresses, int port) {
    List<InetSocketAddress> resolved = new ArrayList<>(addresses);
    List<String> unresolved = new ArrayList<>();
    for (String point : texts) {
      InetSocketAddress address = parse(point, port);
      if (address == null) {
        unresolved.add(point);
      } else {
        resolved.add(address);
      }
    }
    if (!unresolved.isEmpty()) {
      if (resolved.isEmpty()) {
        throw new IllegalArgumentException("cannot resolve any contact point: " + unresolved);
      }
      // One stale DNS name must not stop an application whose other contact points work.
      LOG.warn("Skipping contact point(s) that do not resolve: {}", unresolved);
    }
    if (resolved.isEmpty()) {
      resolved.add(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    }
    return resolved;
  }

  /** The address, or null when the host name does not resolve. */
  private static InetSocketAddress parse(String point, int defaultPort) {
    String host = point.strip();
    int port = defaultPort;
    if (host.startsWith("[")) { // [v6]:port or [v6]
      int close = host.indexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException("invalid contact point '" + point + "': missing ']'");
      }
      if (close + 1 < host.length()) {
        port = parsePort(point, host.substring(close + 2));
      }
      host = host.substring(1, close);
    } else if (host.indexOf(':') >= 0 && host.indexOf(':') == host.lastIndexOf(':')) {
      port = parsePort(point, host.substring(host.indexOf(':') + 1));
      host = host.substring(0, host.indexOf(':'));
    }
    try {
      return new InetSocketAddress(InetAddress.getByName(host), port);
    } catch (UnknownHostException e) {
      return null;
    }
  }

  private static int parsePort(String point, String text) {
    try {
      int value = Integer.parseInt(text);
      if (value > 0 && value <= 65535) {
        return value;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new IllegalArgumentException("invalid port in contact point '" + point + "'");
  }
}
