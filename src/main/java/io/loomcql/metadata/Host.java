package io.loomcql.metadata;

import java.net.InetSocketAddress;
import java.util.Set;
import java.util.UUID;

/**
 * A Cassandra node as the driver sees it. Implementations are shared between threads: the
 * descriptive fields are fixed once learned from the node, {@link #isUp()} changes as the driver
 * observes the node.
 */
public interface Host {
  /** Where the driver connects to this node (native transport address and port). */
  InetSocketAddress address();

  /** The node's datacenter, or null until the driver has read it from the node. */
  String datacenter();

  /** The node's rack, or null until the driver has read it from the node. */
  String rack();

  /** Whether the driver currently considers the node reachable. */
  boolean isUp();

  /** Cassandra version the node reports, for example "5.0.6"; null if unknown. */
  String releaseVersion();

  /** The node's stable identity across address changes; null if unknown. */
  UUID hostId();

  /** The tokens the node owns, as the partitioner writes them; empty if unknown. */
  Set<String> tokens();
}
