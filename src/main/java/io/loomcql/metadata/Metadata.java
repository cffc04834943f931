package io.loomcql.metadata;

import java.util.Set;

/** What the driver knows of the cluster (from {@code cluster.metadata()}). Thread-safe. */
public interface Metadata {
  /** The cluster's name, from the first node contacted. */
  String clusterName();

  /** The partitioner's class name, e.g. {@code org.apache.cassandra.dht.Murmur3Partitioner}. */
  String partitioner();

  /** Every node known, up or down. */
  Set<Host> allHosts();

  /**
   * Asks the nodes now whether every node believed up reports the same schema version (down
   * nodes are ignored).
   */
  boolean checkSchemaAgreement();
}
