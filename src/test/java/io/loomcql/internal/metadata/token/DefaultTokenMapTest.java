package io.loomcql.internal.metadata.token;

import static io.loomcql.internal.metadata.token.Hosts.host;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loomcql.metadata.Host;
import io.loomcql.metadata.Token;
import io.loomcql.metadata.TokenMap;
import io.loomcql.metadata.TokenRange;
import io.loomcql.testkit.logging.LogCapture;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DefaultTokenMapTest {
  private static final Map<String, String> SIMPLE_2 = Map.of("class", "SimpleStrategy", "replication_factor", "2");

  private final Host a = host(1, "dc1", "r1", "-100", "100");
  private final Host b = host(2, "dc1", "r1", "-50");
  private final Host c = host(3, "dc1", "r1", "0");
  private final List<Host> hosts = List.of(a, b, c);

  @Test
  void should_compute_replicas_once_when_keyspaces_share_a_replication_setting() {
    TokenMap map = DefaultTokenMap.build("Murmur3Partitioner", hosts, Map.of(
        "ks1", SIMPLE_2,
        "ks2", Map.of("class", "org.apache.cassandra.locator.SimpleStrategy", "replication_factor", "2"),
        "ks3", Map.of("class", "SimpleStrategy", "replication_factor", "1")), null);
    Token token = map.parse("0");

    assertThat(map.replicas("ks1", token)).isSameAs(map.replicas("ks2", token)).containsExactly(c, a);
    assertThat(map.replicas("ks3", token)).containsExactly(c);
  }

  @Test
  void should_route_a_key_to_the_replicas_of_its_token() {
    TokenMap map = DefaultTokenMap.build("Murmur3Partitioner", hosts, Map.of("ks", SIMPLE_2), null);
    ByteBuffer key = ByteBuffer.wrap("test".getBytes(StandardCharsets.UTF_8)); // token -6017608668500074083

    assertThat(map.newToken(key)).hasToString("-6017608668500074083");
    assertThat(map.replicas("ks", key)).containsExactly(a, b).isEqualTo(map.replicas("ks", map.newToken(key)));
    assertThat(key.remaining()).isEqualTo(4);
    assertThat(((DefaultTokenMap) map).hasReplicas("ks")).isTrue();
  }

  @Test
  void should_compose_components_when_a_token_is_asked_for_several_columns() {
    TokenMap map = DefaultTokenMap.build("Murmur3Partitioner", hosts, Map.of(), null);
    ByteBuffer id = ByteBuffer.allocate(4).putInt(0, 1);
    ByteBuffer name = ByteBuffer.wrap(new byte[] {'x'});

    assertThat(map.newToken(id, name)).isEqualTo(map.newToken(RoutingKeys.compose(id, name)));
    assertThat(map.newToken(new ByteBuffer[] {id})).isEqualTo(map.newToken(id));
  }

  @Test
  void should_return_empty_replicas_when_the_keyspace_or_its_strategy_is_unknown() {
    TokenMap map = DefaultTokenMap.build("Murmur3Partitioner", hosts,
        Map.of("custom", Map.of("class", "com.example.Custom")), null);

    assertThat(map.replicas("custom", map.parse("0"))).isEmpty();
    assertThat(map.replicas("missing", ByteBuffer.allocate(4))).isEmpty();
    assertThat(map.tokenRanges("missing", a)).isEmpty();
    assertThat(((DefaultTokenMap) map).hasReplicas("custom")).isFalse();
    assertThat(((DefaultTokenMap) map).hasReplicas("missing")).isFalse();
  }

  @Test
  void should_return_empty_replicas_and_refuse_tokens_when_the_partitioner_is_unknown() {
    TokenMap map = DefaultTokenMap.build("com.example.MyPartitioner", hosts, Map.of("ks", SIMPLE_2), null);

    assertThat(map.partitionerName()).isEqualTo("com.example.MyPartitioner");
    assertThat(map.replicas("ks", ByteBuffer.allocate(4))).isEmpty();
    assertThat(map.tokens(a)).isEmpty();
    assertThat(map.tokenRanges()).isEmpty();
    assertThatThrownBy(() -> map.newToken(ByteBuffer.allocate(4)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("com.example.MyPartitioner");
  }

  @Test
  void should_warn_once_when_maps_are_rebuilt_for_an_unknown_partitioner() {
    try (LogCapture capture = LogCapture.start()) {
      for (int i = 0; i < 3; i++) {
        DefaultTokenMap.build("com.example.WarnOncePartitioner", hosts, Map.of("ks", SIMPLE_2), null);
      }

      assertThat(capture.lines()).filteredOn(line -> line.contains("com.example.WarnOncePartitioner")).singleElement()
          .asString().contains("WARN");
    }
  }

  @Test
  void should_name_the_full_partitioner_class_when_built_from_a_short_name() {
    assertThat(DefaultTokenMap.build("RandomPartitioner", List.of(), Map.of(), null).partitionerName())
        .isEqualTo("org.apache.cassandra.dht.RandomPartitioner");
  }

  @Test
  void should_answer_with_the_local_node_when_the_keyspace_uses_local_strategy() {
    Host local = host(7, "dc1", "r1", "5");
    Map<String, Map<String, String>> keyspaces = Map.of("system", Map.of("class", "LocalStrategy"));

    TokenMap map = DefaultTokenMap.build("Murmur3Partitioner", List.of(a, b, c, local), keyspaces, local);
    TokenMap unknownLocal = DefaultTokenMap.build("Murmur3Partitioner", hosts, keyspaces, null);

    assertThat(map.replicas("system", map.parse("-100"))).containsExactly(local);
    assertThat(unknownLocal.replicas("system", map.parse("-100"))).isEmpty();
  }

  @Test
  void should_list_every_node_from_the_primary_when_the_keyspace_uses_everywhere_strategy() {
    TokenMap map = DefaultTokenMap.build("Murmur3Partitioner", hosts,
        Map.of("dse", Map.of("class", "org.apache.cassandra.locator.EverywhereStrategy")), null);

    assertThat(map.replicas("dse", map.parse("-100"))).containsExactly(a, b, c);
    assertThat(map.replicas("dse", map.parse("-60"))).containsExactly(b, c, a);
    assertThat(map.replicas("dse", map.parse("50"))).containsExactly(a, b, c);
  }

  @Test
  void should_list_tokens_and_ranges_in_ring_order() {
    TokenMap map = DefaultTokenMap.build("Murmur3Partitioner", hosts, Map.of("ks", SIMPLE_2), null);

    assertThat(map.tokens(a)).extracting(Object::toString).containsExactly("-100", "100");
    assertThat(map.tokenRanges()).extracting(Object::toString)
        .containsExactly("(100, -100]", "(-100, -50]", "(-50, 0]", "(0, 100]");
    assertThat(map.tokenRanges(a)).extracting(Object::toString).containsExactly("(100, -100]", "(0, 100]");
    // a owns two ranges and is the second replica of c's.
    assertThat(map.tokenRanges("ks", a)).extracting(Object::toString)
        .containsExactly("(100, -100]", "(-50, 0]", "(0, 100]");
    for (TokenRange range : map.tokenRanges()) {
      assertThat(map.replicas("ks", range)).isEqualTo(map.replicas("ks", range.end()));
    }
  }

  @Test
  void should_contain_tokens_of_a_range_when_it_wraps_around() {
    TokenMap map = DefaultTokenMap.build("Murmur3Partitioner", hosts, Map.of(), null);
    TokenRange wrapping = map.tokenRanges().iterator().next();
    TokenRange plain = map.tokenRanges(c).iterator().next();

    assertThat(wrapping.isWrappedAround()).isTrue();
    assertThat(wrapping.contains(map.parse("101"))).isTrue();
    assertThat(wrapping.contains(map.parse("-100"))).isTrue();
    assertThat(wrapping.contains(map.parse("100"))).isFalse();
    assertThat(plain.isWrappedAround()).isFalse();
    assertThat(plain.contains(map.parse("0"))).isTrue();
    assertThat(plain.contains(map.parse("-50"))).isFalse();
  }

  @Test
  void should_cover_the_whole_ring_with_one_range_when_there_is_one_token() {
    TokenMap map = DefaultTokenMap.build("Murmur3Partitioner", List.of(c), Map.of(), null);
    TokenRange whole = map.tokenRanges().iterator().next();

    assertThat(whole.contains(map.parse("0"))).isTrue();
    assertThat(whole.contains(map.parse("-1"))).isTrue();
    assertThat(whole.contains(map.parse("1"))).isTrue();
  }

  @Test
  void should_place_replicas_when_the_partitioner_is_random_or_byte_ordered() {
    Host x = host(1, "dc1", "r1", "1000");
    Host y = host(2, "dc1", "r1", "170141183460469231731687303715884105728"); // 2^127
    TokenMap random = DefaultTokenMap.build("RandomPartitioner", List.of(x, y), Map.of("ks", SIMPLE_2), null);
    assertThat(random.replicas("ks", ByteBuffer.wrap("test".getBytes(StandardCharsets.UTF_8)))).containsExactly(y, x);

    Host p = host(3, "dc1", "r1", "6d");
    Host q = host(4, "dc1", "r1", "80");
    TokenMap ordered = DefaultTokenMap.build("ByteOrderedPartitioner", List.of(p, q), Map.of("ks", SIMPLE_2), null);
    assertThat(ordered.replicas("ks", ByteBuffer.wrap("m".getBytes(StandardCharsets.UTF_8)))).containsExactly(p, q);
    assertThat(ordered.replicas("ks", ByteBuffer.wrap(new byte[] {(byte) 0x7f}))).containsExactly(q, p);
    assertThat(ordered.replicas("ks", ByteBuffer.wrap(new byte[] {(byte) 0x81}))).containsExactly(p, q);
  }

  @Test
  void should_skip_tokens_it_cannot_read_when_a_node_reports_garbage() {
    Host odd = host(5, "dc1", "r1", "not-a-token", "7");
    TokenMap map = DefaultTokenMap.build("Murmur3Partitioner", List.of(odd), Map.of(), null);

    assertThat(map.tokens(odd)).extracting(Object::toString).containsExactly("7");
  }
}
