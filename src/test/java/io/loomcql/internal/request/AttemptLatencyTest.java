package io.loomcql.internal.request;

import static org.assertj.core.api.Assertions.assertThat;

import io.loomcql.Statement;
import io.loomcql.metadata.Host;
import io.loomcql.metadata.Metadata;
import io.loomcql.policy.DcAwareRoundRobinPolicy;
import io.loomcql.policy.HostDistance;
import io.loomcql.policy.HostFilterPolicy;
import io.loomcql.policy.LatencyAwarePolicy;
import io.loomcql.policy.LoadBalancingPolicy;
import io.loomcql.policy.RoundRobinPolicy;
import io.loomcql.policy.TokenAwarePolicy;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import org.junit.jupiter.api.Test;

/**
 * The session skips timing attempts only for policies that ignore the figure: a policy that reads
 * it and is wrongly skipped would never hear of a request again (a latency-aware policy would
 * route blind).
 */
class AttemptLatencyTest {
  /** A user's policy that does not override {@code onRequestCompleted}. */
  static class Ignoring implements LoadBalancingPolicy {
    @Override
    public void init(Metadata metadata, Collection<Host> contactPoints) {}

    @Override
    public HostDistance distance(Host host) {
      return HostDistance.LOCAL;
    }

    @Override
    public Iterator<Host> newQueryPlan(String keyspace, Statement<?> statement) {
      return Collections.emptyIterator();
    }
  }

  /** A user's policy that reads latencies, through a subclass of one that does not. */
  static final class Reading extends Ignoring {
    @Override
    public void onRequestCompleted(Host coordinator, long latencyNanos, Throwable error) {}
  }

  @Test
  void should_find_that_the_built_in_round_robin_policies_ignore_latencies_wrapped_or_not() {
    assertThat(AttemptLatency.readBy(new RoundRobinPolicy())).isFalse();
    assertThat(AttemptLatency.readBy(new DcAwareRoundRobinPolicy("dc1"))).isFalse();
    assertThat(AttemptLatency.readBy(new TokenAwarePolicy(new DcAwareRoundRobinPolicy("dc1")))).isFalse();
    assertThat(AttemptLatency.readBy(new HostFilterPolicy(new TokenAwarePolicy(new RoundRobinPolicy()), h -> true)))
        .isFalse();
    assertThat(AttemptLatency.readBy(new Ignoring())).isFalse();
  }

  @Test
  void should_find_a_policy_that_reads_latencies_wherever_it_sits() {
    LoadBalancingPolicy latencyAware = LatencyAwarePolicy.builder(new RoundRobinPolicy()).build();
    assertThat(AttemptLatency.readBy(latencyAware)).isTrue();
    assertThat(AttemptLatency.readBy(new TokenAwarePolicy(latencyAware))).isTrue();
    assertThat(AttemptLatency.readBy(new HostFilterPolicy(new TokenAwarePolicy(latencyAware), h -> true))).isTrue();
    assertThat(AttemptLatency.readBy(new Reading())).isTrue();
    assertThat(AttemptLatency.readBy(new TokenAwarePolicy(new Reading()))).isTrue();
  }
}
