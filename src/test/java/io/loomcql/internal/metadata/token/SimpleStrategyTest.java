package io.loomcql.internal.metadata.token;

import static io.loomcql.internal.metadata.token.Hosts.host;
import static org.assertj.core.api.Assertions.assertThat;

import io.loomcql.metadata.Host;
import io.loomcql.metadata.TokenMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimpleStrategyTest {
  private static final String M3 = "Murmur3Partitioner";
  private final Host a = host(1, "dc1", "r1", "-100", "100");
  private final Host b = host(2, "dc1", "r1", "-50");
  private final Host c = host(3, "dc2", "r2", "0");
  private final Host d = host(4, "dc1", "r1", "50");

  private static TokenMap map(int factor, Host... hosts) {
    return DefaultTokenMap.build(M3, List.of(hosts),
        Map.of("ks", Map.of("class", "SimpleStrategy", "replication_factor", Integer.toString(factor))), null);
  }

  private static org.assertj.core.api.IterableAssert<Host> replicas(TokenMap map, long token) {
    return assertThat((Iterable<Host>) map.replicas("ks", map.parse(Long.toString(token))));
  }

  @Test
  void should_walk_clockwise_from_the_owner_ignoring_datacenters_and_racks() {
    TokenMap map = map(3, a, b, c, d);
    // Ring: -100 a, -50 b, 0 c, 50 d, 100 a.
    replicas(map, -100).containsExactly(a, b, c);
    replicas(map, -99).containsExactly(b, c, d);
    replicas(map, 0).containsExactly(c, d, a);
    replicas(map, 51).containsExactly(a, b, c);
  }

  @Test
  void should_skip_a_node_already_taken_when_it_owns_several_tokens() {
    replicas(map(3, a, b, c, d), 99).containsExactly(a, b, c); // 100 a, then wraps to -100 a again, -50 b, 0 c
  }

  @Test
  void should_wrap_to_the_first_token_when_the_token_is_past_the_last_one() {
    TokenMap map = map(2, a, b, c, d);
    replicas(map, 101).containsExactly(a, b);
    replicas(map, Long.MAX_VALUE).containsExactly(a, b);
    replicas(map, Long.MIN_VALUE).containsExactly(a, b);
  }

  @Test
  void should_return_every_node_when_the_factor_exceeds_the_node_count() {
    replicas(map(5, a, b, c), -60).containsExactly(b, c, a);
  }

  @Test
  void should_keep_the_first_claimant_when_two_nodes_list_the_same_token() {
    Host stale = host(9, "dc1", "r1", "0");
    TokenMap map = map(2, a, c, stale);

    replicas(map, 0).containsExactly(c, a);
    assertThat(map.tokens(stale)).isEmpty();
    assertThat(map.tokens(c)).extracting(Object::toString).containsExactly("0");
  }

  @Test
  void should_have_no_replicas_when_the_factor_is_zero_or_no_node_has_tokens() {
    replicas(map(0, a, b), 0).isEmpty();
    TokenMap empty = map(3, host(5, "dc1", "r1"));
    assertThat(empty.replicas("ks", empty.parse("0"))).isEmpty();
    assertThat(empty.tokenRanges()).isEmpty();
  }
}
