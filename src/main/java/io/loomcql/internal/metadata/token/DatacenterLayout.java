package io.loomcql.internal.metadata.token;

import io.loomcql.metadata.Host;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ring as NetworkTopologyStrategy needs it, in small ints: for each replicated datacenter, the
 * ring positions its nodes own, where to start in them from any ring position, and how many
 * replicas and rack repeats it takes; for each node, its rack. Walking only a DC's own positions
 * keeps a small DC next to a large one from costing a walk around the whole ring per token.
 */
final class DatacenterLayout {
  /** Per DC: the ring positions owned by its nodes, ascending. */
  final int[][] positions;
  /** Per DC and ring position p: the index in {@code positions[dc]} of the first one at or after p, cyclically. */
  final int[][] firstAtOrAfter;
  /** Per DC: {@code min(factor, nodes in DC)}. */
  final int[] wanted;
  /** Per DC: {@code factor - racks in DC}, how many times a rack already used may be used again. */
  final int[] rackRepeats;
  /** Per node (index in the ring's hosts): its rack, numbered across DCs. */
  final int[] rackOf;
  final int rackCount;
  /** Sum of {@link #wanted}: the most replicas a position can have. */
  final int total;

  private DatacenterLayout(int[][] positions, int[][] firstAtOrAfter, int[] wanted, int[] rackRepeats,
      int[] rackOf, int rackCount) {
    this.positions = positions;
    this.firstAtOrAfter = firstAtOrAfter;
    this.wanted = wanted;
    this.rackRepeats = rackRepeats;
    this.rackOf = rackOf;
    this.rackCount = rackCount;
    this.total = Arrays.stream(wanted).sum();
  }

  /** DCs with a factor of 0, and nodes with no DC or a DC without a factor, are left out. */
  static DatacenterLayout of(TokenRing ring, Map<String, Integer> factors) {
    List<Host> hosts = ring.hosts();
    Map<String, Integer> dcIndex = new HashMap<>();
    List<Integer> factorOf = new ArrayList<>();
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
        factorOf.add(factor);
        nodesPerDc.add(0);
        racksPerDc.add(0);
        return factorOf.size() - 1;
      });
      dcOf[h] = dc;
      nodesPerDc.set(dc, nodesPerDc.get(dc) + 1);
      // Arrays.asList allows a null rack, which counts as one rack of its own.
      List<String> location = Arrays.asList(host.datacenter(), host.rack());
      Integer rack = rackIndex.get(location);
      if (rack == null) {
        rack = rackIndex.size();
        rackIndex.put(location, rack);
        racksPerDc.set(dc, racksPerDc.get(dc) + 1);
      }
      rackOf[h] = rack;
    }
    int dcCount = factorOf.size();
    int[] wanted = new int[dcCount];
    int[] rackRepeats = new int[dcCount];
    for (int dc = 0; dc < dcCount; dc++) {
      wanted[dc] = Math.min(factorOf.get(dc), nodesPerDc.get(dc));
      rackRepeats[dc] = factorOf.get(dc) - racksPerDc.get(dc);
    }
    int[][] positions = positionsPerDc(ring, dcOf, dcCount);
    int[][] firstAtOrAfter = new int[dcCount][];
    for (int dc = 0; dc < dcCount; dc++) {
      firstAtOrAfter[dc] = firstAtOrAfter(positions[dc], ring.size());
    }
    return new DatacenterLayout(positions, firstAtOrAfter, wanted, rackRepeats, rackOf, rackIndex.size());
  }

  private static int[][] positionsPerDc(TokenRing ring, int[] dcOf, int dcCount) {
    int[] counts = new int[dcCount];
    for (int p = 0; p < ring.size(); p++) {
      int dc = dcOf[ring.owner(p)];
      if (dc >= 0) {
        counts[dc]++;
      }
    }
    int[][] positions = new int[dcCount][];
    for (int dc = 0; dc < dcCount; dc++) {
      positions[dc] = new int[counts[dc]];
      counts[dc] = 0;
    }
    for (int p = 0; p < ring.size(); p++) {
      int dc = dcOf[ring.owner(p)];
      if (dc >= 0) {
        positions[dc][counts[dc]++] = p;
      }
    }
    return positions;
  }

  /** For each ring position, the index of the first of {@code owned} at or after it, wrapping to 0. */
  private static int[] firstAtOrAfter(int[] owned, int ringSize) {
    int[] first = new int[ringSize];
    int next = 0;
    for (int p = 0; p < ringSize; p++) {
      while (next < owned.length && owned[next] < p) {
        next++;
      }
      first[p] = next == owned.length ? 0 : next;
    }
    return first;
  }
}
