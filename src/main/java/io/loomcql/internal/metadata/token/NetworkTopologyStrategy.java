package io.loomcql.internal.metadata.token;

import io.loomcql.metadata.Host;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
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
    Layout layout = Layout.of(ring, factors);
    int size = ring.size();
    int dcCount = layout.wanted.length;
    int[] left = new int[dcCount];
    int[] repeatsLeft = new int[dcCount];
    // Stamped with p + 1 while walking from position p, so nothing needs clearing between walks.
    int[] hostSeenAt = new int[ring.hosts().size()];
    int[] rackSeenAt = new int[layout.rackCount];
    Host[] scratch = new Host[layout.total];
    ReplicaSet[] result = new ReplicaSet[size];
    for (int p = 0; p < size; p++) {
      System.arraycopy(layout.wanted, 0, left, 0, dcCount);
      System.arraycopy(layout.rackRepeats, 0, repeatsLeft, 0, dcCount);
      int dcsToFill = layout.dcsToFill;
      int found = 0;
      for (int step = 0; dcsToFill > 0 && step < size; step++) {
        int host = ring.owner((p + step) % size);
        int dc = layout.dcOf[host];
        if (dc < 0 || left[dc] == 0 || hostSeenAt[host] == p + 1) {
          continue;
        }
        int rack = layout.rackOf[host];
        if (rackSeenAt[rack] == p + 1) {
          if (repeatsLeft[dc] <= 0) {
            continue; // the DC's other racks must still get a replica
          }
          repeatsLeft[dc]--;
        }
        rackSeenAt[rack] = p + 1;
        hostSeenAt[host] = p + 1;
        scratch[found++] = ring.hosts().get(host);
        if (--left[dc] == 0) {
          dcsToFill--;
        }
      }
      result[p] = new ReplicaSet(Arrays.copyOf(scratch, found));
    }
    return result;
  }

  /**
   * The ring's nodes as small ints: each node's replicated DC ({@code -1} if its DC has no factor)
   * and its rack (numbered across DCs), with what each DC needs.
   */
  private record Layout(
      int[] dcOf, int[] rackOf, int rackCount, int[] wanted, int[] rackRepeats, int dcsToFill, int total) {

    static Layout of(TokenRing ring, Map<String, Integer> factors) {
      List<Host> hosts = ring.hosts();
      Map<String, Integer> dcIndex = new HashMap<>();
      List<Integer> nodesPerDc = new ArrayList<>();
      List<Integer> racksPerDc = new ArrayList<>();
      Map<List<String>, Integer> rackIndex = new HashMap<>();
      int[] dcOf = new int[hosts.size()];
      int[] rackOf = new int[hosts.size()];
      for (int h = 0; h < hosts.size(); h++) {
        Host host = hosts.get(h);
        Integer factor = host.datacenter() == null ? null : factors.get(host.datacenter());
        if (factor == null || factor <= 0) {
          dcOf[h] = -1;
          continue;
        }
        int dc = dcIndex.computeIfAbsent(host.datacenter(), name -> {
          nodesPerDc.add(0);
          racksPerDc.add(0);
          return nodesPerDc.size() - 1;
        });
        dcOf[h] = dc;
        nodesPerDc.set(dc, nodesPerDc.get(dc) + 1);
        // Arrays.asList allows a null rack, which counts as one rack of its own.
        Integer rack = rackIndex.get(Arrays.asList(host.datacenter(), host.rack()));
        if (rack == null) {
          rack = rackIndex.size();
          rackIndex.put(Arrays.asList(host.datacenter(), host.rack()), rack);
          racksPerDc.set(dc, racksPerDc.get(dc) + 1);
        }
        rackOf[h] = rack;
      }
      int[] wanted = new int[dcIndex.size()];
      int[] rackRepeats = new int[dcIndex.size()];
      int total = 0;
      for (Map.Entry<String, Integer> dc : dcIndex.entrySet()) {
        int factor = factors.get(dc.getKey());
        wanted[dc.getValue()] = Math.min(factor, nodesPerDc.get(dc.getValue()));
        rackRepeats[dc.getValue()] = factor - racksPerDc.get(dc.getValue());
        total += wanted[dc.getValue()];
      }
      return new Layout(dcOf, rackOf, rackIndex.size(), wanted, rackRepeats, wanted.length, total);
    }
  }
}
