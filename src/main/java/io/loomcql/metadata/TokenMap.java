package io.loomcql.metadata;

import java.nio.ByteBuffer;
import java.util.Set;

/**
 * Which nodes own which tokens, and which nodes hold the replicas of each keyspace's data, as of the
 * topology and schema the driver last read. Immutable and thread-safe: the driver replaces the
 * whole map when nodes or keyspaces change, so a caller may keep one instance for a whole request.
 *
 * <p>Replica sets are computed as the cluster's replication strategy places data (SimpleStrategy,
 * NetworkTopologyStrategy with racks, LocalStrategy, EverywhereStrategy); they include nodes that
 * are down, since a down node still owns its data. They iterate in ring order starting at the
 * token's primary replica, which token-aware routing relies on. For a keyspace the map does not
 * know, or whose strategy it cannot compute, the replica set is empty; if the cluster's partitioner
 * is not supported, every replica set is empty and {@link #newToken(ByteBuffer)} throws.
 *
 * <p>Keyspace names are the internal names, as {@code system_schema.keyspaces} stores them:
 * lower case unless the keyspace was created with a quoted name, and never quoted here.
 */
public interface TokenMap {
  /**
   * The partitioner's class name as the cluster reports it, for example
   * {@code org.apache.cassandra.dht.Murmur3Partitioner}.
   *
   * @return the class name
   */
  String partitionerName();

  /**
   * The token of a partition key.
   *
   * @param routingKey the serialized partition key as the protocol routes it: the value's own bytes
   *     for a single-column key, Cassandra's composite encoding for a multi-column key (see {@link
   *     #newToken(ByteBuffer...)}); its position and limit are left unchanged
   * @return the token
   * @throws IllegalStateException if the cluster's partitioner is not supported
   */
  Token newToken(ByteBuffer routingKey);

  /**
   * The token of a partition key given column by column: the components are composed the way
   * Cassandra composes a multi-column partition key (each as a 2-byte length, the bytes, a zero
   * byte), and a single component is used as it is.
   *
   * @param partitionKeyComponents the serialized value of each partition key column, in the table's
   *     partition key order; their positions and limits are left unchanged
   * @return the token
   * @throws IllegalArgumentException if there is no component, one is null, or there are several
   *     and one is longer than 65535 bytes
   * @throws IllegalStateException if the cluster's partitioner is not supported
   */
  Token newToken(ByteBuffer... partitionKeyComponents);

  /**
   * Reads a token from the partitioner's string form (as {@code Token.toString()} writes it).
   *
   * @param token the string form, for example {@code -9223372036854775808} for Murmur3
   * @return the token
   * @throws IllegalArgumentException if the text is not a token of this partitioner
   * @throws IllegalStateException if the cluster's partitioner is not supported
   */
  Token parse(String token);

  /**
   * The nodes holding the replicas of a partition, primary replica first, then in ring order.
   *
   * @param keyspace the keyspace's internal name
   * @param routingKey the serialized partition key, as for {@link #newToken(ByteBuffer)}
   * @return an immutable set; empty if the keyspace or its strategy is unknown
   */
  Set<Host> replicas(String keyspace, ByteBuffer routingKey);

  /**
   * The nodes holding the replicas of the data at {@code token}, primary replica first, then in
   * ring order.
   *
   * @param keyspace the keyspace's internal name
   * @param token a token of this map's partitioner
   * @return an immutable set; empty if the keyspace or its strategy is unknown
   */
  Set<Host> replicas(String keyspace, Token token);

  /**
   * The nodes holding the replicas of a range: those of its {@link TokenRange#end() end} token.
   * Exact for the ranges {@link #tokenRanges()} returns; a range that spans several of those has
   * several replica sets, and this returns only its last one's.
   *
   * @param keyspace the keyspace's internal name
   * @param range a range of this map's partitioner
   * @return an immutable set; empty if the keyspace or its strategy is unknown
   */
  Set<Host> replicas(String keyspace, TokenRange range);

  /**
   * The tokens a node owns.
   *
   * @param host the node
   * @return its tokens, in ring order; empty if the host owns none in this map
   */
  Set<Token> tokens(Host host);

  /**
   * Every range of the ring, one per token; together they cover the whole ring.
   *
   * @return the ranges, in ring order
   */
  Set<TokenRange> tokenRanges();

  /**
   * The ranges a node owns as primary replica, one per token it owns.
   *
   * @param host the node
   * @return the ranges, in ring order; empty if the host owns no token in this map
   */
  Set<TokenRange> tokenRanges(Host host);

  /**
   * The ranges for which {@code host} holds a replica of {@code keyspace}'s data, in ring order.
   *
   * @param keyspace the keyspace's internal name
   * @param host the node
   * @return the ranges; empty if the keyspace or its strategy is unknown
   */
  Set<TokenRange> tokenRanges(String keyspace, Host host);
}
