package io.loomcql.internal.metadata.token;

import io.loomcql.metadata.Host;
import java.util.Arrays;

/**
 * Cassandra's SimpleStrategy: the node owning the token, then the next distinct nodes clockwise,
 * ignoring datacenters and racks.
 */
record SimpleStrategy(int replicationFactor) implements ReplicationStrategy {
  @Override
  public ReplicaSet[] replicasByPosition(TokenRing ring) {
    int size = ring.size();
    int wanted = Math.min(replicationFactor, ring.hosts().size());
    // seenAt[h] == p + 1 marks host h as taken while walking from p: no clearing between positions.
    int[] seenAt = new int[ring.hosts().size()];
    ReplicaSet[] result = new ReplicaSet[size];
    for (int p = 0; p < size; p++) {
      Host[] replicas = new Host[wanted];
      int found = 0;
      for (int step = 0; found < wanted && step < size; step++) {
        int host = ring.owner((p + step) % size);
        if (seenAt[host] != p + 1) {
          seenAt[host] = p + 1;
          replicas[found++] = ring.hosts().get(host);
        }
      }
      result[p] = new ReplicaSet(found == wanted ? replicas : Arrays.copyOf(replicas, found));
    }
    return result;
  }
}
