package io.loomcql.internal.control;

import io.loomcql.internal.metadata.DefaultHost;
import io.loomcql.internal.metadata.HostRegistry;
import io.loomcql.internal.metadata.NodeInfo;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the nodes agree on the schema: every node the driver believes up reports the same
 * {@code schema_version}. Down nodes are ignored, as they cannot answer and will catch up when
 * they return.
 */
final class SchemaAgreement {
  private static final Logger LOG = LoggerFactory.getLogger(SchemaAgreement.class);
  private static final Duration POLL = Duration.ofMillis(200);

  private SchemaAgreement() {}

  /**
   * @param expected the version the DDL's coordinator reported after applying it, or null: the
   *     other nodes learn of a change through gossip, so right after a DDL they may all still
   *     agree on the old version; anchoring on the coordinator's version closes that gap
   */
  static boolean agreed(List<NodeInfo> nodes, HostRegistry registry, UUID expected) {
    Set<UUID> versions = new HashSet<>();
    if (expected != null) {
      versions.add(expected);
    }
    for (NodeInfo node : nodes) {
      DefaultHost host = registry.get(node.address());
      if (node.schemaVersion() != null && (host == null || host.isUp())) {
        versions.add(node.schemaVersion());
      }
    }
    return versions.size() <= 1;
  }

  static boolean await(BooleanSupplier check, Duration max) {
    long deadline = System.nanoTime() + max.toNanos();
    while (true) {
      try {
        if (check.getAsBoolean()) {
          return true;
        }
      } catch (RuntimeException e) {
        LOG.debug("Schema agreement check failed: {}", e.toString());
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        LOG.warn("The nodes did not agree on the schema within {} ms; going on. Check"
            + " executionInfo().isSchemaInAgreement() before relying on the change everywhere.", max.toMillis());
        return false;
      }
      try {
        Thread.sleep(Duration.ofNanos(Math.min(left, POLL.toNanos())));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
  }
}
