package io.loomcql.policy;

import static io.loomcql.policy.TestHosts.host;
import static io.loomcql.policy.TestHosts.metadata;
import static io.loomcql.policy.TestHosts.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loomcql.SimpleStatement;
import io.loomcql.internal.metadata.DefaultHost;
import io.loomcql.metadata.Host;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Filtering a child policy's nodes: distance, plans, and what the child is told. */
class HostFilterPolicyTest {
  private final DefaultHost a1 = host(1, "dc1", "r1");
  private final DefaultHost a2 = host(2, "dc1", "r2");
  private final DefaultHost b1 = host(3, "dc2", "r1");
  private final DefaultHost c1 = host(4, "dc3", "r1");
  private final DefaultHost unknown = new DefaultHost(new InetSocketAddress("10.9.9.9", 9042));
  private final List<Host> all = List.of(a1, a2, b1, c1);

  @Test
  void should_ignore_rejected_hosts_and_leave_them_out_of_plans_when_filtering() {
    HostFilterPolicy policy = HostFilterPolicy.fromDcWhiteList(new RoundRobinPolicy(), List.of("dc1", "dc3"));
    policy.init(metadata(all), List.of(a1));
    assertThat(policy.distance(b1)).isEqualTo(HostDistance.IGNORED);
    assertThat(policy.distance(a1)).isEqualTo(HostDistance.LOCAL);
    assertThat(policy.distance(c1)).isEqualTo(HostDistance.LOCAL);
    for (int i = 0; i < 3; i++) {
      assertThat(plan(policy, null)).containsExactlyInAnyOrder(a1, a2, c1);
    }
  }

  @Test
  void should_give_the_child_only_accepted_hosts_when_initializing() {
    RecordingPolicy child = new RecordingPolicy(all);
    HostFilterPolicy policy = HostFilterPolicy.fromDcBlackList(child, List.of("dc2"));
    policy.init(metadata(all), List.of(a1, b1));
    assertThat(child.initHosts).containsExactly(a1, a2, c1);
    assertThat(child.initContacts).containsExactly(a1);
  }

  @Test
  void should_keep_the_child_rotation_even_when_hosts_are_rejected() {
    // A child filled with every node would give the node after a rejected one two turns in three.
    HostFilterPolicy policy = HostFilterPolicy.fromDcWhiteList(new RoundRobinPolicy(), List.of("dc1", "dc3"));
    policy.init(metadata(all), List.of(a1));
    List<Host> firsts = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      firsts.add(plan(policy, null).get(0));
    }
    assertThat(firsts).containsExactlyInAnyOrder(a1, a2, c1);
  }

  @Test
  void should_forward_add_and_remove_only_for_accepted_hosts() {
    RecordingPolicy child = new RecordingPolicy(all);
    HostFilterPolicy policy = HostFilterPolicy.fromDcWhiteList(child, List.of("dc1"));
    policy.onAdd(a2);
    policy.onAdd(b1);
    policy.onRemove(b1);
    policy.onRemove(a1);
    assertThat(child.calls).containsExactly("add " + a2.address(), "remove " + a1.address());
  }

  @Test
  void should_forward_distance_of_accepted_hosts_and_every_completion_to_the_child() {
    RecordingPolicy child = new RecordingPolicy(all);
    HostFilterPolicy policy = HostFilterPolicy.fromDcWhiteList(child, List.of("dc1"));
    policy.distance(b1);
    policy.distance(a1);
    policy.onRequestCompleted(a1, 5, null);
    policy.onRequestCompleted(b1, 9, new IllegalStateException("late"));
    assertThat(child.calls).containsExactly("distance " + a1.address(), "completed " + a1.address() + " 5 ok",
        "completed " + b1.address() + " 9 late");
  }

  @Test
  void should_reject_unknown_dc_when_white_listing_and_accept_it_when_black_listing() {
    assertThat(HostFilterPolicy.fromDcWhiteList(new RoundRobinPolicy(), List.of("dc1")).distance(unknown))
        .isEqualTo(HostDistance.IGNORED);
    HostFilterPolicy black = HostFilterPolicy.fromDcBlackList(new RoundRobinPolicy(), List.of("dc1"));
    assertThat(black.distance(unknown)).isEqualTo(HostDistance.LOCAL);
    assertThat(black.distance(a1)).isEqualTo(HostDistance.IGNORED);
    assertThat(black.distance(b1)).isEqualTo(HostDistance.LOCAL);
  }

  @Test
  void should_refuse_an_empty_white_list_when_built() {
    assertThatThrownBy(() -> HostFilterPolicy.fromDcWhiteList(new RoundRobinPolicy(), List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("white list");
  }

  @Test
  void should_read_the_child_plan_only_as_far_as_asked_when_iterating() {
    RecordingPolicy child = new RecordingPolicy(all);
    HostFilterPolicy policy = HostFilterPolicy.fromDcBlackList(child, List.of("dc1"));
    Iterator<Host> plan = policy.newQueryPlan(null, null);
    assertThat(child.read).hasValue(0);
    assertThat(plan.next()).isSameAs(b1);
    assertThat(child.read).as("a1, a2 skipped, b1 taken, c1 not read yet").hasValue(3);
  }

  record Node(int dc, int rack, boolean up) {}

  @Provide
  Arbitrary<List<Node>> clusters() {
    Arbitrary<Node> node = Combinators.combine(Arbitraries.integers().between(1, 3),
        Arbitraries.integers().between(1, 2), Arbitraries.of(true, true, false)).as(Node::new);
    return node.list().ofMinSize(0).ofMaxSize(12);
  }

  @Property(tries = 300)
  void should_yield_every_accepted_host_once_and_no_ignored_one_when_planning(
      @ForAll("clusters") List<Node> nodes, @ForAll("dcSets") Set<String> whiteList, @ForAll boolean tokenAware,
      @ForAll int key) {
    List<DefaultHost> hosts = new ArrayList<>();
    for (int n = 0; n < nodes.size(); n++) {
      Node node = nodes.get(n);
      DefaultHost host = host(n + 1, "dc" + node.dc(), "r" + node.rack());
      if (!node.up()) {
        host.markDown("property");
      }
      hosts.add(host);
    }
    // Token-aware under the filter puts replicas first whatever their datacenter: the filter must drop them.
    LoadBalancingPolicy child = tokenAware ? new TokenAwarePolicy(new RoundRobinPolicy()) : new RoundRobinPolicy();
    HostFilterPolicy policy = HostFilterPolicy.fromDcWhiteList(child, whiteList);
    policy.init(metadata(hosts, Map.of("ks", Map.of("class", "SimpleStrategy", "replication_factor", "2"))),
        hosts.isEmpty() ? List.of() : List.of(hosts.get(0)));
    SimpleStatement statement = SimpleStatement.newInstance("q").setKeyspace("ks")
        .setRoutingKey(ByteBuffer.allocate(4).putInt(0, key));
    Set<Host> accepted = new HashSet<>();
    for (Host host : hosts) {
      if (policy.distance(host) != HostDistance.IGNORED) {
        accepted.add(host);
      }
    }
    assertThat(accepted).allMatch(h -> whiteList.contains(h.datacenter()));
    for (int round = 0; round < 3; round++) {
      List<Host> plan = plan(policy, statement);
      assertThat(plan).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(accepted);
    }
  }

  @Provide
  Arbitrary<Set<String>> dcSets() {
    return Arbitraries.of("dc1", "dc2", "dc3").set().ofMinSize(1);
  }
}
