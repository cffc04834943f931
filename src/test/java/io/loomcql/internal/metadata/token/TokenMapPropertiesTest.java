package io.loomcql.internal.metadata.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.loomcql.metadata.Host;
import io.loomcql.metadata.Token;
import io.loomcql.metadata.TokenMap;
import io.loomcql.metadata.TokenRange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Replica placement on random rings: sizes, primary ownership, ring order, Simple and NTS agreeing. */
class TokenMapPropertiesTest {
  private static final String[] DCS = {"dc1", "dc2", "dc3"};

  record NodeSpec(int dc, int rack, List<Long> tokens) {}

  @Provide
  Arbitrary<List<NodeSpec>> rings() {
    // Tokens from a narrow range as well as the full one, so that nodes sometimes claim the same token.
    Arbitrary<Long> token = Arbitraries.oneOf(Arbitraries.longs(), Arbitraries.longs().between(-20, 20));
    Arbitrary<NodeSpec> node = Combinators.combine(
        Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 2),
        token.list().ofMinSize(1).ofMaxSize(4)).as(NodeSpec::new);
    return node.list().ofMinSize(1).ofMaxSize(12);
  }

  private static List<Host> hosts(List<NodeSpec> specs, boolean oneDcOneRack) {
    List<Host> hosts = new ArrayList<>();
    for (int n = 0; n < specs.size(); n++) {
      NodeSpec spec = specs.get(n);
      hosts.add(Hosts.host(n, oneDcOneRack ? "dc1" : DCS[spec.dc()], oneDcOneRack ? "r1" : "r" + spec.rack(),
          spec.tokens().stream().map(String::valueOf).toArray(String[]::new)));
    }
    return hosts;
  }

  private static Map<String, String> nts(int... factors) {
    Map<String, String> replication = new HashMap<>(Map.of("class", "NetworkTopologyStrategy"));
    for (int dc = 0; dc < factors.length; dc++) {
      replication.put(DCS[dc], Integer.toString(factors[dc]));
    }
    return replication;
  }

  private static TokenMap build(List<Host> hosts, Map<String, String> replication) {
    return DefaultTokenMap.build("Murmur3Partitioner", hosts, Map.of("ks", replication), null);
  }

  private static List<Host> onRing(TokenMap map, List<Host> hosts) {
    return hosts.stream().filter(host -> !map.tokens(host).isEmpty()).toList();
  }

  @Property(tries = 300)
  void should_hold_min_of_factor_and_nodes_when_strategy_is_simple(@ForAll("rings") List<NodeSpec> specs,
      @ForAll @IntRange(min = 1, max = 6) int factor, @ForAll long token) {
    List<Host> hosts = hosts(specs, false);
    TokenMap map = build(hosts, Map.of("class", "SimpleStrategy", "replication_factor", Integer.toString(factor)));

    List<Host> replicas = List.copyOf(map.replicas("ks", new Murmur3Token(token)));

    assertThat(replicas).hasSize(Math.min(factor, onRing(map, hosts).size())).doesNotHaveDuplicates();
  }

  @Property(tries = 300)
  void should_hold_min_of_factor_and_nodes_in_each_dc_when_strategy_is_nts(@ForAll("rings") List<NodeSpec> specs,
      @ForAll @IntRange(min = 0, max = 4) int dc1, @ForAll @IntRange(min = 0, max = 4) int dc2,
      @ForAll long token) {
    List<Host> hosts = hosts(specs, false);
    TokenMap map = build(hosts, nts(dc1, dc2));

    List<Host> replicas = List.copyOf(map.replicas("ks", new Murmur3Token(token)));

    assertThat(replicas).doesNotHaveDuplicates();
    int[] factors = {dc1, dc2, 0};
    for (int dc = 0; dc < DCS.length; dc++) {
      String name = DCS[dc];
      long inDc = onRing(map, hosts).stream().filter(host -> host.datacenter().equals(name)).count();
      assertThat(replicas.stream().filter(host -> host.datacenter().equals(name)).count())
          .as("replicas in %s", name).isEqualTo(Math.min(factors[dc], inDc));
    }
  }

  @Property(tries = 300)
  void should_put_first_the_node_owning_the_token_range_when_strategy_is_simple(
      @ForAll("rings") List<NodeSpec> specs, @ForAll long token) {
    List<Host> hosts = hosts(specs, false);
    TokenMap map = build(hosts, Map.of("class", "SimpleStrategy", "replication_factor", "3"));
    Token t = new Murmur3Token(token);

    Host primary = map.replicas("ks", t).iterator().next();

    assertThat(map.tokenRanges(primary)).anyMatch(range -> range.contains(t));
    assertThat(map.tokenRanges()).filteredOn(range -> range.contains(t)).singleElement()
        .extracting(TokenRange::end).satisfies(end -> assertThat(map.tokens(primary)).contains(end));
  }

  @Property(tries = 300)
  void should_iterate_in_ring_order_when_strategy_is_simple_or_nts(@ForAll("rings") List<NodeSpec> specs,
      @ForAll @IntRange(min = 1, max = 4) int factor, @ForAll long token) {
    List<Host> hosts = hosts(specs, false);
    for (Map<String, String> replication : List.of(
        Map.of("class", "SimpleStrategy", "replication_factor", Integer.toString(factor)), nts(factor, 2, 1))) {
      TokenMap map = build(hosts, replication);
      Map<Host, Integer> walkOrder = walkOrder(map, onRing(map, hosts), token);

      List<Integer> order = map.replicas("ks", new Murmur3Token(token)).stream().map(walkOrder::get).toList();

      assertThat(order).isSorted();
    }
  }

  @Property(tries = 300)
  void should_agree_with_simple_strategy_when_nts_has_one_dc_and_one_rack(@ForAll("rings") List<NodeSpec> specs,
      @ForAll @IntRange(min = 1, max = 6) int factor, @ForAll long token) {
    List<Host> hosts = hosts(specs, true);
    TokenMap simple = build(hosts, Map.of("class", "SimpleStrategy", "replication_factor", Integer.toString(factor)));
    TokenMap nts = build(hosts, nts(factor));

    assertThat(nts.replicas("ks", new Murmur3Token(token)))
        .containsExactlyElementsOf(simple.replicas("ks", new Murmur3Token(token)));
  }

  @Property(tries = 500)
  void should_pick_the_nodes_cassandra_3_picks_when_racks_are_fewer_or_more_than_the_factor(
      @ForAll("rings") List<NodeSpec> specs, @ForAll @IntRange(min = 0, max = 5) int dc1,
      @ForAll @IntRange(min = 0, max = 5) int dc2, @ForAll long token) {
    List<Host> hosts = hosts(specs, false);
    TokenMap map = build(hosts, nts(dc1, dc2));
    List<Host> walk = new ArrayList<>(walkOrder(map, onRing(map, hosts), token).keySet());

    assertThat(map.replicas("ks", new Murmur3Token(token)))
        .containsExactlyInAnyOrderElementsOf(skipThenBackfill(walk, Map.of("dc1", dc1, "dc2", dc2)));
  }

  /**
   * The older placement (Cassandra 3.x), written independently as an oracle: per DC, nodes on a new
   * rack are taken, nodes on a seen rack are set aside; once every rack of the DC is seen, the set-aside
   * nodes are taken in order, then any node.
   */
  private static List<Host> skipThenBackfill(List<Host> walk, Map<String, Integer> factors) {
    Map<String, Integer> nodes = new HashMap<>();
    Map<String, Set<String>> racks = new HashMap<>();
    for (Host host : walk) {
      nodes.merge(host.datacenter(), 1, Integer::sum);
      racks.computeIfAbsent(host.datacenter(), dc -> new HashSet<>()).add(host.rack());
    }
    List<Host> taken = new ArrayList<>();
    Map<String, List<Host>> perDc = new HashMap<>();
    Map<String, Set<String>> seenRacks = new HashMap<>();
    Map<String, List<Host>> skipped = new HashMap<>();
    for (Host host : walk) {
      String dc = host.datacenter();
      int wanted = Math.min(factors.getOrDefault(dc, 0), nodes.get(dc));
      List<Host> inDc = perDc.computeIfAbsent(dc, k -> new ArrayList<>());
      if (inDc.size() >= wanted) {
        continue;
      }
      Set<String> seen = seenRacks.computeIfAbsent(dc, k -> new HashSet<>());
      if (seen.size() == racks.get(dc).size()) {
        inDc.add(host);
        taken.add(host);
      } else if (seen.contains(host.rack())) {
        skipped.computeIfAbsent(dc, k -> new ArrayList<>()).add(host);
      } else {
        seen.add(host.rack());
        inDc.add(host);
        taken.add(host);
        if (seen.size() == racks.get(dc).size()) {
          for (Host late : skipped.getOrDefault(dc, List.of())) {
            if (inDc.size() < wanted) {
              inDc.add(late);
              taken.add(late);
            }
          }
        }
      }
    }
    return taken;
  }

  /** Each node's rank when walking the ring clockwise from the token, by its first token met: a plain oracle. */
  private static Map<Host, Integer> walkOrder(TokenMap map, List<Host> hosts, long token) {
    NavigableMap<Long, Host> ring = new TreeMap<>();
    for (Host host : hosts) {
      for (Token owned : map.tokens(host)) {
        ring.put(((Murmur3Token) owned).value(), host);
      }
    }
    List<Host> walk = new ArrayList<>(ring.tailMap(token, true).values());
    walk.addAll(ring.headMap(token, false).values());
    Map<Host, Integer> order = new LinkedHashMap<>();
    for (Host host : walk) {
      order.putIfAbsent(host, order.size());
    }
    assertThat(new HashSet<>(order.keySet())).hasSize(hosts.size());
    return order;
  }
}
