package io.loomcql.internal.metadata.token;

import static io.loomcql.internal.metadata.token.Hosts.host;
import static org.assertj.core.api.Assertions.assertThat;

import io.loomcql.metadata.Host;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplicationStrategiesTest {
  private static final Host LOCAL = host(1, "dc1", "r1", "0");

  @Test
  void should_read_every_strategy_when_class_is_full_or_short() {
    assertThat(ReplicationStrategies.parse(
        Map.of("class", "org.apache.cassandra.locator.SimpleStrategy", "replication_factor", "3"), LOCAL))
        .isEqualTo(new SimpleStrategy(3));
    assertThat(ReplicationStrategies.parse(Map.of("class", "SimpleStrategy", "replication_factor", "2"), LOCAL))
        .isEqualTo(new SimpleStrategy(2));
    assertThat(ReplicationStrategies.parse(
        Map.of("class", "org.apache.cassandra.locator.NetworkTopologyStrategy", "dc1", "3", "dc2", "1"), LOCAL))
        .isEqualTo(new NetworkTopologyStrategy(Map.of("dc1", 3, "dc2", 1)));
    assertThat(ReplicationStrategies.parse(Map.of("class", "org.apache.cassandra.locator.LocalStrategy"), LOCAL))
        .isEqualTo(new LocalStrategy(LOCAL));
    assertThat(ReplicationStrategies.parse(Map.of("class", "EverywhereStrategy"), LOCAL))
        .isEqualTo(new EverywhereStrategy());
  }

  @Test
  void should_take_the_leading_number_when_a_factor_has_transient_replicas() {
    assertThat(ReplicationStrategies.parse(Map.of("class", "NetworkTopologyStrategy", "dc1", "3/1"), LOCAL))
        .isEqualTo(new NetworkTopologyStrategy(Map.of("dc1", 3)));
    assertThat(ReplicationStrategies.parse(Map.of("class", "SimpleStrategy", "replication_factor", "5/2"), LOCAL))
        .isEqualTo(new SimpleStrategy(5));
  }

  @Test
  void should_give_no_strategy_when_class_or_factor_is_unknown() {
    assertThat(ReplicationStrategies.parse(Map.of("class", "com.example.MyStrategy"), LOCAL)).isNull();
    assertThat(ReplicationStrategies.parse(Map.of("class", "com.example.SimpleStrategy", "replication_factor", "1"),
        LOCAL)).isNull();
    assertThat(ReplicationStrategies.parse(Map.of("replication_factor", "1"), LOCAL)).isNull();
    assertThat(ReplicationStrategies.parse(Map.of("class", "SimpleStrategy"), LOCAL)).isNull();
    assertThat(ReplicationStrategies.parse(Map.of("class", "SimpleStrategy", "replication_factor", "x"), LOCAL))
        .isNull();
    assertThat(ReplicationStrategies.parse(Map.of("class", "NetworkTopologyStrategy", "dc1", "-1"), LOCAL)).isNull();
  }

  @Test
  void should_share_strategies_when_keyspaces_have_equal_settings() {
    assertThat(ReplicationStrategies.parse(Map.of("class", "NetworkTopologyStrategy", "dc1", "3", "dc2", "2"), LOCAL))
        .isEqualTo(ReplicationStrategies.parse(
            Map.of("class", "org.apache.cassandra.locator.NetworkTopologyStrategy", "dc2", "2", "dc1", "3"), LOCAL))
        .hasSameHashCodeAs(new NetworkTopologyStrategy(Map.of("dc2", 2, "dc1", 3)));
  }
}
