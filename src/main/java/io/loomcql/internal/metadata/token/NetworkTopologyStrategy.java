package io.loomcql.internal.metadata.token;

import io.loomcql.metadata.Host;
import java.util.Map;

/**
 * Cassandra's NetworkTopologyStrategy, placed as Cassandra 4.0 and later place it
 * ({@code calculateNaturalReplicas}): walk the ring clockwise from the token; in each datacenter
 * with a factor, a node on a rack not yet used is taken, and a node on a rack already used is taken
 * only while the datacenter still has "rack repeats" left, {@code factor - racks in the DC}. So the
 * distinct racks come first and a rack is reused only when the DC has fewer racks than its factor;
 * the walk ends when every DC has {@code min(factor, nodes in DC)} replicas. The set iterates in the
 * order the walk took the nodes, so the primary replica comes first when its DC is replicated.
 * (Cassandra 3.x took the skipped same-rack nodes once all racks were seen; it picks the same nodes,
 * listed in a different order.)
 *
 * @param factors replicas per datacenter name; DCs with a factor of 0 or no node are ignored
 */
record NetworkTopologyStrategy(Map<String, Integer> factors) implements ReplicationStrategy {
  NetworkTopologyStrategy {
    factors = Map.copyOf(factors);
  }

  @Override
  public ReplicaSet[] replicasByPosition(TokenRing ring) {
    DatacenterLayout layout = DatacenterLayout.of(ring, factors);
    int size = ring.size();
    // Stamped with p + 1 while walking from position p, so nothing needs clearing between walks.
    int[] hostSeenAt = new int[ring.hosts().size()];
    int[] rackSeenAt = new int[layout.rackCount];
    int[] taken = new int[layout.total];
    int[] distance = new int[layout.total];
    ReplicaSet[] result = new ReplicaSet[size];
    for (int p = 0; p < size; p++) {
      int found = 0;
      // A DC's choice depends only on its own nodes in ring order, so each DC walks its own positions.
      for (int dc = 0; dc < layout.wanted.length; dc++) {
        int[] owned = layout.positions[dc];
        int left = layout.wanted[dc];
        int repeatsLeft = layout.rackRepeats[dc];
        int start = layout.firstAtOrAfter[dc][p];
        for (int step = 0; left > 0 && step < owned.length; step++) {
          int position = owned[(start + step) % owned.length];
          int host = ring.owner(position);
          if (hostSeenAt[host] == p + 1) {
            continue;
          }
          int rack = layout.rackOf[host];
          if (rackSeenAt[rack] == p + 1) {
            if (repeatsLeft <= 0) {
              continue; // the DC's other racks must still get a replica
            }
            repeatsLeft--;
          }
          rackSeenAt[rack] = p + 1;
          hostSeenAt[host] = p + 1;
          taken[found] = host;
          distance[found++] = position >= p ? position - p : position - p + size;
          left--;
        }
      }
      result[p] = new ReplicaSet(inRingOrder(ring, taken, distance, found));
    }
    return result;
  }

  /** The taken nodes sorted by how far clockwise they are from the token: a handful, so insertion sort. */
  private static Host[] inRingOrder(TokenRing ring, int[] taken, int[] distance, int count) {
    for (int i = 1; i < count; i++) {
      int host = taken[i];
      int d = distance[i];
      int j = i - 1;
      while (j >= 0 && distance[j] > d) {
        taken[j + 1] = taken[j];
        distance[j + 1] = distance[j];
        j--;
      }
      taken[j + 1] = host;
      distance[j + 1] = d;
    }
    Host[] hosts = new Host[count];
    for (int i = 0; i < count; i++) {
      hosts[i] = ring.hosts().get(taken[i]);
    }
    return hosts;
  }
}
