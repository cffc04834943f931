package io.loomcql.internal.metadata.token;

import io.loomcql.metadata.Host;
import java.util.HashMap;
import java.util.Map;

/** Reads a keyspace's {@code replication} map (from {@code system_schema.keyspaces}) as a strategy. */
final class ReplicationStrategies {
  private static final String PACKAGE = "org.apache.cassandra.locator.";

  private ReplicationStrategies() {}

  /**
   * The strategy the map describes; null if its {@code class} is not SimpleStrategy,
   * NetworkTopologyStrategy, LocalStrategy or EverywhereStrategy (full or short name), or its
   * factors cannot be read.
   *
   * @param localHost the node the driver reads local data from, for LocalStrategy; may be null
   */
  static ReplicationStrategy parse(Map<String, String> replication, Host localHost) {
    String className = replication.get("class");
    if (className == null) {
      return null;
    }
    String simpleName = className.trim().startsWith(PACKAGE) ? className.trim().substring(PACKAGE.length())
        : className.trim();
    return switch (simpleName) {
      case "SimpleStrategy" -> {
        int factor = factor(replication.get("replication_factor"));
        yield factor < 0 ? null : new SimpleStrategy(factor);
      }
      case "NetworkTopologyStrategy" -> networkTopology(replication);
      case "LocalStrategy" -> new LocalStrategy(localHost);
      case "EverywhereStrategy" -> new EverywhereStrategy();
      default -> null;
    };
  }

  private static ReplicationStrategy networkTopology(Map<String, String> replication) {
    Map<String, Integer> factors = new HashMap<>();
    for (Map.Entry<String, String> option : replication.entrySet()) {
      // Cassandra expands a default replication_factor into every DC when it stores the keyspace.
      if (option.getKey().equals("class") || option.getKey().equals("replication_factor")) {
        continue;
      }
      int factor = factor(option.getValue());
      if (factor < 0) {
        return null;
      }
      factors.put(option.getKey(), factor);
    }
    return new NetworkTopologyStrategy(factors);
  }

  /**
   * A replication factor: a count, or "all/transient" such as "3/1", where every replica counts
   * (transient ones are replicas too for routing). -1 if it is not one.
   */
  static int factor(String text) {
    if (text == null) {
      return -1;
    }
    String trimmed = text.trim();
    int slash = trimmed.indexOf('/');
    try {
      int factor = Integer.parseInt(slash < 0 ? trimmed : trimmed.substring(0, slash).trim());
      return factor < 0 ? -1 : factor;
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
