package io.loomcql.internal.metadata.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.loomcql.internal.metadata.DefaultHost;
import io.loomcql.metadata.Host;
import io.loomcql.metadata.TokenMap;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A sanity bound on building a large map, not a benchmark: 1,000 nodes in 2 DCs with 16 vnodes each.
 * The bound is generous so that a slow shared machine does not fail it; real timings belong in a
 * benchmark.
 */
class TokenMapBuildTimeTest {
  @Test
  void should_build_a_thousand_node_ring_quickly_when_it_has_sixteen_thousand_tokens() {
    SplittableRandom random = new SplittableRandom(42);
    List<Host> hosts = new ArrayList<>();
    for (int n = 0; n < 1000; n++) {
      String[] tokens = new String[16];
      for (int t = 0; t < tokens.length; t++) {
        tokens[t] = Long.toString(random.nextLong());
      }
      hosts.add(Hosts.host(n, n % 2 == 0 ? "dc1" : "dc2", "rack" + (n % 3), tokens));
    }
    Map<String, Map<String, String>> keyspaces = Map.of(
        "nts", Map.of("class", "NetworkTopologyStrategy", "dc1", "3", "dc2", "3"),
        "nts_too", Map.of("class", "org.apache.cassandra.locator.NetworkTopologyStrategy", "dc1", "3", "dc2", "3"),
        "simple", Map.of("class", "SimpleStrategy", "replication_factor", "3"),
        "system", Map.of("class", "LocalStrategy"));

    long best = Long.MAX_VALUE;
    TokenMap map = null;
    for (int run = 0; run < 5; run++) {
      long start = System.nanoTime();
      map = DefaultTokenMap.build("Murmur3Partitioner", hosts, keyspaces, hosts.get(0));
      best = Math.min(best, System.nanoTime() - start);
      if (run == 0) {
        System.out.printf("1,000 nodes, 16,000 tokens: first build %d ms%n", best / 1_000_000);
      }
    }
    System.out.printf("1,000 nodes, 16,000 tokens: best of 5 builds %d ms%n", best / 1_000_000);

    assertThat(best).isLessThan(2_000_000_000L);
    assertThat(map.tokenRanges()).hasSize(16_000);
    ByteBuffer key = ByteBuffer.allocate(8);
    for (int i = 0; i < 1000; i++) {
      key.putLong(0, random.nextLong());
      assertThat(map.replicas("nts", key)).hasSize(6);
      assertThat(map.replicas("simple", key)).hasSize(3);
    }
    assertThat(((DefaultHost) hosts.get(0)).tokens()).hasSize(16);
  }
}
