package io.loomcql.metadata;

import java.util.Map;
import java.util.Optional;
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
   * Every keyspace by name (system ones included), current as of the last schema event or DDL
   * statement of this client. Immutable snapshot.
   */
  Map<String, KeyspaceMetadata> keyspaces();

  /** The keyspace named so (as stored: case-sensitive, unquoted), if it exists. */
  Optional<KeyspaceMetadata> keyspace(String name);

  /**
   * CQL that recreates every non-system keyspace: fully qualified names, each statement ending
   * in {@code ;}, in an order that can be executed as is.
   *
   * @throws IllegalStateException if schema metadata is disabled
   */
  String describe();

  /**
   * Which nodes own which tokens, and the replicas of a partition key in a keyspace. Built once
   * per change of the nodes or of the keyspaces' replication.
   *
   * @throws IllegalStateException if token metadata is disabled
   */
  TokenMap tokenMap();

  /**
   * Asks the nodes now whether every node believed up reports the same schema version (down
   * nodes are ignored).
   */
  boolean checkSchemaAgreement();
}
