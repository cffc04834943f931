package io.loomcql.internal.metadata.token;

import static io.loomcql.internal.metadata.token.Hosts.host;
import static org.assertj.core.api.Assertions.assertThat;

import io.loomcql.metadata.Host;
import io.loomcql.metadata.TokenMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.IterableAssert;
import org.junit.jupiter.api.Test;

class NetworkTopologyStrategyTest {
  private static TokenMap map(Map<String, String> factors, Host... hosts) {
    Map<String, String> replication = new HashMap<>(factors);
    replication.put("class", "org.apache.cassandra.locator.NetworkTopologyStrategy");
    return DefaultTokenMap.build("Murmur3Partitioner", List.of(hosts), Map.of("ks", replication), null);
  }

  private static IterableAssert<Host> replicas(TokenMap map, long token) {
    return assertThat((Iterable<Host>) map.replicas("ks", map.parse(Long.toString(token))));
  }

  @Test
  void should_take_one_node_per_rack_when_the_dc_has_as_many_racks_as_its_factor() {
    Host a = host(1, "dc1", "r1", "10");
    Host b = host(2, "dc1", "r1", "20");
    Host c = host(3, "dc1", "r2", "30");
    Host d = host(4, "dc1", "r2", "40");
    Host e = host(5, "dc1", "r3", "50");

    TokenMap map = map(Map.of("dc1", "3"), a, b, c, d, e);

    replicas(map, 10).containsExactly(a, c, e);
    replicas(map, 15).containsExactly(b, c, e);
    replicas(map, 35).containsExactly(d, e, a);
    replicas(map, 45).containsExactly(e, a, c);
  }

  @Test
  void should_reuse_a_rack_in_ring_order_when_the_dc_has_fewer_racks_than_its_factor() {
    Host a = host(1, "dc1", "r1", "10");
    Host b = host(2, "dc1", "r1", "20");
    Host d = host(4, "dc1", "r1", "30");
    Host c = host(3, "dc1", "r2", "40");

    TokenMap map = map(Map.of("dc1", "3"), a, b, d, c);

    // Two racks, factor 3: one rack repeat allowed; b takes it, so d is passed over for rack r2's c.
    replicas(map, 10).containsExactly(a, b, c);
    replicas(map, 20).containsExactly(b, d, c);
    replicas(map, 40).containsExactly(c, a, b);
  }

  @Test
  void should_take_every_node_of_a_dc_when_it_has_fewer_nodes_than_its_factor() {
    Host a = host(1, "dc1", "r1", "10");
    Host x = host(2, "dc2", "r1", "20");
    Host b = host(3, "dc1", "r2", "30");

    TokenMap map = map(Map.of("dc1", "3", "dc2", "3"), a, x, b);

    replicas(map, 25).containsExactly(b, a, x);
  }

  @Test
  void should_interleave_datacenters_in_ring_order_when_several_are_replicated() {
    Host a = host(1, "dc1", "r1", "10");
    Host x = host(2, "dc2", "r1", "20");
    Host b = host(3, "dc1", "r1", "30");
    Host y = host(4, "dc2", "r1", "40");

    TokenMap map = map(Map.of("dc1", "1", "dc2", "1"), a, x, b, y);

    replicas(map, 15).containsExactly(x, b);
    replicas(map, 41).containsExactly(a, x);
  }

  @Test
  void should_ignore_nodes_of_dcs_without_a_factor_when_the_owner_is_in_one() {
    Host a = host(1, "dc1", "r1", "10");
    Host x = host(2, "dc2", "r1", "20");
    Host b = host(3, "dc1", "r1", "30");
    Host orphan = host(4, null, null, "25");

    TokenMap map = map(Map.of("dc1", "2", "dc2", "0"), a, x, b, orphan);

    replicas(map, 20).containsExactly(b, a);
    replicas(map, 21).containsExactly(b, a);
  }

  @Test
  void should_count_a_null_rack_as_one_rack_when_nodes_do_not_report_racks() {
    Host a = host(1, "dc1", null, "10");
    Host b = host(2, "dc1", null, "20");
    Host c = host(3, "dc1", "r1", "30");

    replicas(map(Map.of("dc1", "2"), a, b, c), 10).containsExactly(a, c);
  }

  @Test
  void should_agree_with_simple_strategy_when_there_is_one_dc_and_one_rack() {
    Host a = host(1, "dc1", "r1", "10", "60");
    Host b = host(2, "dc1", "r1", "20");
    Host c = host(3, "dc1", "r1", "30", "70");
    Host d = host(4, "dc1", "r1", "40");
    TokenMap nts = map(Map.of("dc1", "3"), a, b, c, d);
    TokenMap simple = DefaultTokenMap.build("Murmur3Partitioner", List.of(a, b, c, d),
        Map.of("ks", Map.of("class", "SimpleStrategy", "replication_factor", "3")), null);

    for (long token = 0; token <= 80; token += 5) {
      assertThat(nts.replicas("ks", nts.parse(Long.toString(token))))
          .containsExactlyElementsOf(simple.replicas("ks", simple.parse(Long.toString(token))));
    }
  }
}
