package io.loomcql.metadata;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What the driver knows of the cluster (from {@code cluster.metadata()}). Thread-safe. */
public interface Metadata {
  /** {@return the cluster's name, from the first node contacted} */
  String clusterName();

  /**
   * The partitioner's class name, as the first node contacted reports it.
   *
   * @return for example {@code org.apache.cassandra.dht.Murmur3Partitioner}
   */
  String partitioner();

  /** {@return every node known, up or down; an immutable copy} */
  Set<Host> allHosts();

  /**
   * Every keyspace by name (system ones included), current as of the last schema event or DDL
   * statement of this client. Immutable snapshot.
   *
   * @return the keyspaces by name; with schema metadata disabled they hold only their replication
   */
  Map<String, KeyspaceMetadata> keyspaces();

  /**
   * The keyspace named so, if it exists.
   *
   * @param name the keyspace's name as stored: case-sensitive, not quoted
   * @return the keyspace, or empty if the driver knows none of that name
   */
  Optional<KeyspaceMetadata> keyspace(String name);

  /**
   * CQL that recreates every non-system keyspace: fully qualified names, each statement ending
   * in {@code ;}, in an order that can be executed as is.
   *
   * @return the statements of every keyspace, as {@link KeyspaceMetadata#describe()} gives them
   * @throws IllegalStateException if schema metadata is disabled
   */
  String describe();

  /**
   * Which nodes own which tokens, and the replicas of a partition key in a keyspace. Built once
   * per change of the nodes or of the keyspaces' replication.
   *
   * @return the current map; the same instance until the nodes or the schema change
   * @throws IllegalStateException if token metadata is disabled
   */
  TokenMap tokenMap();

  /**
   * Asks the nodes now whether every node believed up reports the same schema version (down
   * nodes are ignored). Reads {@code system.local} and {@code system.peers} on the control
   * connection, so it blocks for a round trip.
   *
   * @return {@code true} if they agree; {@code false} if they do not, or while there is no control
   *     connection
   * @throws io.loomcql.error.DriverException if the control connection fails or times out meanwhile
   */
  boolean checkSchemaAgreement();
}
