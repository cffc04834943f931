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
  /** {@return where the driver connects to this node: native transport address and port} */
  InetSocketAddress address();

  /** {@return the node's datacenter, or null until the driver has read it from the node} */
  String datacenter();

  /** {@return the node's rack, or null until the driver has read it from the node} */
  String rack();

  /**
   * Whether the driver currently considers the node reachable. It changes as connections open and
   * fail and as the cluster's events say.
   *
   * @return {@code true} if the node is up
   */
  boolean isUp();

  /** {@return the Cassandra version the node reports, for example "5.0.6"; null if unknown} */
  String releaseVersion();

  /** {@return the node's stable identity across address changes; null if unknown} */
  UUID hostId();

  /** {@return the tokens the node owns, as the partitioner writes them; empty if unknown} */
  Set<String> tokens();
}
