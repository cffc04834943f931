package io.loomcql.internal.metadata.token;

/**
 * How a keyspace places replicas on the ring. Implementations are value records: two keyspaces with
 * equal strategies share one computation of their replicas.
 */
sealed interface ReplicationStrategy
    permits SimpleStrategy, NetworkTopologyStrategy, LocalStrategy, EverywhereStrategy {
  /**
   * The replicas of every ring position, primary first: element {@code p} is for the range ending
   * at {@code ring.token(p)}. Called once per map build and distinct strategy; the ring is not
   * empty.
   */
  ReplicaSet[] replicasByPosition(TokenRing ring);
}
