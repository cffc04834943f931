package io.loomcql.internal.metadata.token;

import io.loomcql.metadata.Host;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * DSE's EverywhereStrategy: every node with tokens holds a replica. The set starts at the token's
 * primary replica and continues in the order of each node's first token on the ring (exact ring
 * order when nodes have one token each). One set per node rather than per token keeps memory at
 * nodes squared instead of tokens times nodes.
 */
record EverywhereStrategy() implements ReplicationStrategy {
  @Override
  public ReplicaSet[] replicasByPosition(TokenRing ring) {
    List<Host> hosts = ring.hosts();
    int[] ringOrder = new int[hosts.size()];
    boolean[] placed = new boolean[hosts.size()];
    int count = 0;
    for (int p = 0; p < ring.size(); p++) {
      int host = ring.owner(p);
      if (!placed[host]) {
        placed[host] = true;
        ringOrder[count++] = host;
      }
    }
    Map<Integer, ReplicaSet> byPrimary = new HashMap<>();
    for (int start = 0; start < count; start++) {
      Host[] replicas = new Host[count];
      for (int i = 0; i < count; i++) {
        replicas[i] = hosts.get(ringOrder[(start + i) % count]);
      }
      byPrimary.put(ringOrder[start], new ReplicaSet(replicas));
    }
    ReplicaSet[] result = new ReplicaSet[ring.size()];
    for (int p = 0; p < result.length; p++) {
      result[p] = byPrimary.get(ring.owner(p));
    }
    return result;
  }
}
