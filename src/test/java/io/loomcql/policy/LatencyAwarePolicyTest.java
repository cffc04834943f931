package io.loomcql.policy;

import static io.loomcql.policy.TestHosts.host;
import static io.loomcql.policy.TestHosts.metadata;
import static io.loomcql.policy.TestHosts.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loomcql.ConsistencyLevel;
import io.loomcql.error.ConnectionException;
import io.loomcql.error.OperationTimedOutException;
import io.loomcql.error.OverloadedException;
import io.loomcql.error.ReadTimeoutException;
import io.loomcql.error.UnavailableException;
import io.loomcql.error.WriteTimeoutException;
import io.loomcql.error.WriteType;
import io.loomcql.metadata.Host;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

/** Slow nodes last, on a clock the test moves: averages, threshold, minimum, retry period, update rate. */
class LatencyAwarePolicyTest {
  private static final Duration FAST = Duration.ofMillis(1);
  private static final Duration SLOW = Duration.ofMillis(10);

  private final Host a1 = host(1, "dc1", "r1");
  private final Host a2 = host(2, "dc1", "r1");
  private final Host a3 = host(3, "dc1", "r1");
  private final List<Host> all = List.of(a1, a2, a3);
  // nanoTime may be anywhere, negative or about to wrap: start close to the wrap.
  private final AtomicLong clock = new AtomicLong(Long.MAX_VALUE - Duration.ofSeconds(5).toNanos());

  @Test
  void should_try_a_slow_host_last_when_its_average_exceeds_the_threshold() {
    LatencyAwarePolicy policy = policy(LatencyAwarePolicy.builder(new RoundRobinPolicy()).withMinimumMeasurements(5));
    feed(policy, a1, 5, FAST);
    feed(policy, a2, 5, Duration.ofMillis(1).multipliedBy(18).dividedBy(10)); // 1.8x: under the threshold
    feed(policy, a3, 5, SLOW);
    clock.addAndGet(Duration.ofMillis(100).toNanos());
    List<Host> firsts = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      List<Host> plan = plan(policy, null);
      assertThat(plan).as("round %d", i).containsExactlyInAnyOrder(a1, a2, a3).last().isSameAs(a3);
      firsts.add(plan.get(0));
    }
    assertThat(firsts).contains(a1, a2);
    assertThat(policy.latencies().get(a3).excluded()).isTrue();
    assertThat(policy.latencies().get(a2).excluded()).isFalse();
  }

  @Test
  void should_try_a_slow_host_in_turn_again_when_its_last_measurement_is_older_than_the_retry_period() {
    LatencyAwarePolicy policy = policy(LatencyAwarePolicy.builder(new RoundRobinPolicy()).withMinimumMeasurements(5));
    feed(policy, a1, 5, FAST);
    feed(policy, a2, 5, FAST);
    feed(policy, a3, 5, SLOW);
    clock.addAndGet(Duration.ofMillis(100).toNanos());
    assertThat(firsts(policy)).doesNotContain(a3);
    for (int second = 0; second <= 10; second++) { // past the 10 s retry period, the others kept fresh
      clock.addAndGet(Duration.ofSeconds(1).toNanos());
      feed(policy, a1, 1, FAST);
      feed(policy, a2, 1, FAST);
    }
    assertThat(firsts(policy)).as("a3 has its round-robin turn again").contains(a3);
    assertThat(policy.latencies().get(a3).excluded()).isFalse();
    feed(policy, a3, 1, SLOW); // still slow: one fresh measurement is enough to send it back
    assertThat(firsts(policy)).doesNotContain(a3);
  }

  @Test
  void should_not_penalize_a_slow_host_when_it_has_fewer_than_the_minimum_measurements() {
    LatencyAwarePolicy policy = policy(LatencyAwarePolicy.builder(new RoundRobinPolicy()).withMinimumMeasurements(5));
    feed(policy, a1, 5, FAST);
    feed(policy, a2, 5, FAST);
    feed(policy, a3, 4, SLOW);
    clock.addAndGet(Duration.ofMillis(100).toNanos());
    assertThat(firsts(policy)).contains(a3);
    assertThat(policy.latencies().get(a3).measurements()).isEqualTo(4);
    feed(policy, a3, 1, SLOW);
    assertThat(firsts(policy)).doesNotContain(a3);
  }

  @Test
  void should_recompute_the_best_average_at_most_once_per_update_rate() {
    LatencyAwarePolicy policy = policy(LatencyAwarePolicy.builder(new RoundRobinPolicy()).withMinimumMeasurements(5));
    feed(policy, a3, 5, SLOW);
    assertThat(firsts(policy)).contains(a3); // a3 alone measured: it is the best
    feed(policy, a1, 5, FAST); // 10 ms of clock: within the same 100 ms window
    feed(policy, a2, 5, FAST);
    assertThat(firsts(policy)).as("best not recomputed yet").contains(a3);
    clock.addAndGet(Duration.ofMillis(100).toNanos());
    assertThat(firsts(policy)).doesNotContain(a3);
  }

  @Test
  void should_count_answers_and_server_timeouts_but_not_fast_errors_or_client_failures_when_measuring() {
    LatencyAwarePolicy policy = policy(LatencyAwarePolicy.builder(new RoundRobinPolicy()));
    long fast = 1000;
    policy.onRequestCompleted(a1, fast, new OperationTimedOutException("client timeout"));
    policy.onRequestCompleted(a1, fast, new ConnectionException(a1.address(), "refused"));
    policy.onRequestCompleted(a1, fast, new UnavailableException(a1.address(), "no", ConsistencyLevel.QUORUM, 2, 1));
    policy.onRequestCompleted(a1, fast, new OverloadedException(a1.address(), "busy"));
    assertThat(policy.latencies()).doesNotContainKey(a1);
    policy.onRequestCompleted(a1, fast, null);
    policy.onRequestCompleted(a1, fast,
        new ReadTimeoutException(a1.address(), "slow", ConsistencyLevel.ONE, 0, 1, false));
    policy.onRequestCompleted(a1, fast,
        new WriteTimeoutException(a1.address(), "slow", ConsistencyLevel.ONE, 0, 1, WriteType.SIMPLE));
    assertThat(policy.latencies().get(a1).measurements()).isEqualTo(3);
  }

  @Test
  void should_weigh_the_previous_average_by_the_time_since_it_when_averaging() {
    LatencyAwarePolicy policy = policy(LatencyAwarePolicy.builder(new RoundRobinPolicy()));
    policy.onRequestCompleted(a1, Duration.ofMillis(1).toNanos(), null);
    clock.addAndGet(Duration.ofMillis(100).toNanos()); // one scale: the old average weighs ln 2
    policy.onRequestCompleted(a1, Duration.ofMillis(3).toNanos(), null);
    assertThat(policy.latencies().get(a1).average().toNanos()).isBetween(1_613_700L, 1_613_710L);
    clock.addAndGet(Duration.ofSeconds(10).toNanos()); // a hundred scales: the old average hardly counts
    policy.onRequestCompleted(a1, Duration.ofMillis(5).toNanos(), null);
    assertThat(policy.latencies().get(a1).average().toNanos()).isBetween(4_800_000L, 5_000_000L);
    assertThat(policy.latencies().get(a1).sinceLastMeasurement()).isZero();
  }

  @Test
  void should_read_the_child_plan_only_as_far_as_asked_when_a_slow_host_comes_first() {
    RecordingPolicy child = new RecordingPolicy(List.of(a3, a1, a2));
    LatencyAwarePolicy policy = policy(LatencyAwarePolicy.builder(child).withMinimumMeasurements(1));
    feed(policy, a1, 1, FAST);
    feed(policy, a3, 1, SLOW);
    clock.addAndGet(Duration.ofMillis(100).toNanos());
    Iterator<Host> plan = policy.newQueryPlan(null, null);
    assertThat(plan.next()).isSameAs(a1);
    assertThat(child.read).as("a3 pushed back, a1 taken, a2 not read yet").hasValue(2);
    assertThat(plan.next()).isSameAs(a2);
    assertThat(plan.next()).isSameAs(a3);
    assertThat(plan.hasNext()).isFalse();
  }

  @Test
  void should_forward_every_event_to_the_child_and_forget_a_removed_host() {
    RecordingPolicy child = new RecordingPolicy(all);
    LatencyAwarePolicy policy = policy(LatencyAwarePolicy.builder(child));
    policy.distance(a2);
    policy.onAdd(a3);
    policy.onRequestCompleted(a1, 42, null);
    policy.onRequestCompleted(a1, 7, new OperationTimedOutException("late"));
    policy.onRemove(a1);
    assertThat(child.calls).containsExactly("init", "distance " + a2.address(), "add " + a3.address(),
        "completed " + a1.address() + " 42 ok", "completed " + a1.address() + " 7 late", "remove " + a1.address());
    assertThat(policy.latencies()).doesNotContainKey(a1);
  }

  @Test
  void should_refuse_settings_that_make_no_sense_when_building() {
    LatencyAwarePolicy.Builder builder = LatencyAwarePolicy.builder(new RoundRobinPolicy());
    assertThatThrownBy(() -> builder.withExclusionThreshold(0.9)).hasMessageContaining("at least 1");
    assertThatThrownBy(() -> builder.withExclusionThreshold(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.withScale(Duration.ZERO)).hasMessageContaining("scale must be positive");
    assertThatThrownBy(() -> builder.withUpdateRate(Duration.ofMillis(-1))).hasMessageContaining("update rate");
    assertThatThrownBy(() -> builder.withRetryPeriod(Duration.ofMillis(-1))).hasMessageContaining("retry period");
    assertThatThrownBy(() -> builder.withMinimumMeasurements(-1)).hasMessageContaining("minimum measurements");
    assertThat(builder.build().toString()).contains("threshold 2.0", "PT10S", "minimum measurements 50");
  }

  record Measured(int order, int latencyMillis, int count) {}

  @Provide
  Arbitrary<List<Measured>> clusters() {
    Arbitrary<Measured> node = Combinators.combine(Arbitraries.integers().between(0, 100),
        Arbitraries.integers().between(1, 40), Arbitraries.integers().between(0, 4)).as(Measured::new);
    return node.list().ofMinSize(1).ofMaxSize(12);
  }

  @Property(tries = 300)
  void should_yield_the_child_plan_with_exactly_the_excluded_hosts_moved_last_when_planning(
      @ForAll("clusters") List<Measured> nodes, @ForAll @DoubleRange(min = 1, max = 4) double threshold) {
    List<Host> hosts = new ArrayList<>();
    for (int n = 0; n < nodes.size(); n++) {
      hosts.add(host(n + 1, "dc1", "r1"));
    }
    List<Host> childPlan = new ArrayList<>(hosts);
    childPlan.sort(Comparator.comparingInt(h -> nodes.get(hosts.indexOf(h)).order()));
    LatencyAwarePolicy policy = new LatencyAwarePolicy(LatencyAwarePolicy.builder(new RecordingPolicy(childPlan))
        .withMinimumMeasurements(2).withExclusionThreshold(threshold), clock::get);
    for (int n = 0; n < nodes.size(); n++) {
      feed(policy, hosts.get(n), nodes.get(n).count(), Duration.ofMillis(nodes.get(n).latencyMillis()));
    }
    clock.addAndGet(Duration.ofMillis(100).toNanos());

    List<Host> plan = plan(policy, null);

    // The oracle: the best of the hosts measured enough, and who is over threshold x best.
    Map<Host, LatencyAwarePolicy.HostLatency> latencies = policy.latencies();
    long best = latencies.values().stream().filter(l -> l.measurements() >= 2)
        .mapToLong(l -> l.average().toNanos()).min().orElse(Long.MAX_VALUE);
    Set<Host> slow = new HashSet<>();
    latencies.forEach((host, l) -> {
      if (l.measurements() >= 2 && l.average().toNanos() > threshold * best) {
        slow.add(host);
      }
    });
    List<Host> expected = new ArrayList<>(childPlan.stream().filter(h -> !slow.contains(h)).toList());
    expected.addAll(childPlan.stream().filter(slow::contains).toList());
    assertThat(plan).containsExactlyElementsOf(expected);
    assertThat(latencies.entrySet()).allMatch(e -> e.getValue().excluded() == slow.contains(e.getKey()));
  }

  private LatencyAwarePolicy policy(LatencyAwarePolicy.Builder builder) {
    LatencyAwarePolicy policy = new LatencyAwarePolicy(builder, clock::get);
    policy.init(metadata(all), List.of(a1));
    return policy;
  }

  /** {@code times} answers of {@code host}, one millisecond of clock apart. */
  private void feed(LatencyAwarePolicy policy, Host host, int times, Duration latency) {
    for (int i = 0; i < times; i++) {
      clock.addAndGet(Duration.ofMillis(1).toNanos());
      policy.onRequestCompleted(host, latency.toNanos(), null);
    }
  }

  /** The first host of one plan per host: with a round-robin child, each host's turn to lead. */
  private Set<Host> firsts(LatencyAwarePolicy policy) {
    Set<Host> firsts = new HashSet<>();
    for (int i = 0; i < all.size(); i++) {
      List<Host> plan = plan(policy, null);
      assertThat(plan).containsExactlyInAnyOrderElementsOf(all);
      firsts.add(plan.get(0));
    }
    return firsts;
  }
}
