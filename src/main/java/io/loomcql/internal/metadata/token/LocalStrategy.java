package io.loomcql.internal.metadata.token;

import io.loomcql.metadata.Host;
import java.util.Arrays;

/**
 * Cassandra's LocalStrategy (the {@code system} keyspaces): each node keeps its own copy and no
 * other node has it, so for the driver the only replica is the node it asks, the coordinator.
 *
 * @param localHost the node whose local data the driver reads (the control node), or null if
 *     unknown, in which case there are no replicas
 */
record LocalStrategy(Host localHost) implements ReplicationStrategy {
  @Override
  public ReplicaSet[] replicasByPosition(TokenRing ring) {
    ReplicaSet[] result = new ReplicaSet[ring.size()];
    Arrays.fill(result, localHost == null ? ReplicaSet.EMPTY : new ReplicaSet(new Host[] {localHost}));
    return result;
  }
}
