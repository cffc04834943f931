package io.loomcql.policy;

import static io.loomcql.policy.TestHosts.host;
import static io.loomcql.policy.TestHosts.metadata;
import static io.loomcql.policy.TestHosts.plan;
import static org.assertj.core.api.Assertions.assertThat;

import io.loomcql.SimpleStatement;
import io.loomcql.internal.metadata.DefaultHost;
import io.loomcql.metadata.Host;
import io.loomcql.metadata.Metadata;
import io.loomcql.metadata.TokenMap;
import io.loomcql.testkit.logging.LogCapture;
import java.nio.ByteBuffer;
import java.util.LinkedHashSet;
import java.util.ArrayList;
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
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Round robin, DC-aware and token-aware plans over hand-built nodes. */
class LoadBalancingPolicyTest {
  private final DefaultHost a1 = host(1, "dc1", "rack1", "-9000000000000000000");
  private final DefaultHost a2 = host(2, "dc1", "rack1", "-3000000000000000000");
  private final DefaultHost a3 = host(3, "dc1", "rack1", "3000000000000000000");
  private final DefaultHost b1 = host(4, "dc2", "rack1", "-6000000000000000000");
  private final DefaultHost b2 = host(5, "dc2", "rack1", "6000000000000000000");
  private final List<Host> all = List.of(a1, a2, a3, b1, b2);

  @Test
  void round_robin_should_rotate_and_put_down_nodes_last() {
    RoundRobinPolicy policy = new RoundRobinPolicy();
    policy.init(metadata(all), List.of(a1));
    assertThat(plan(policy, null)).containsExactly(a1, a2, a3, b1, b2);
    assertThat(plan(policy, null)).containsExactly(a2, a3, b1, b2, a1);
    a3.markDown("test");
    assertThat(plan(policy, null)).containsExactly(b1, b2, a1, a2, a3);
    policy.onRemove(b1);
    assertThat(plan(policy, null)).doesNotContain(b1).hasSize(4);
  }

  @Test
  void dc_aware_should_infer_the_local_dc_from_the_contact_points_and_ignore_remote_nodes() {
    DcAwareRoundRobinPolicy policy = new DcAwareRoundRobinPolicy();
    try (LogCapture logs = LogCapture.start()) {
      policy.init(metadata(all), List.of(b2));
      assertThat(logs.lines()).anySatisfy(line -> assertThat(line).contains("INFO").contains("'dc2'"));
    }
    assertThat(policy.localDc()).isEqualTo("dc2");
    assertThat(policy.distance(b1)).isEqualTo(HostDistance.LOCAL);
    assertThat(policy.distance(a1)).isEqualTo(HostDistance.IGNORED);
    assertThat(plan(policy, null)).containsExactlyInAnyOrder(b1, b2);
  }

  @Test
  void dc_aware_should_use_remote_nodes_last_when_allowed() {
    DcAwareRoundRobinPolicy policy = new DcAwareRoundRobinPolicy("dc1", 1);
    policy.init(metadata(all), List.of(a1));
    assertThat(all.stream().filter(h -> policy.distance(h) == HostDistance.REMOTE)).hasSize(1);
    List<Host> plan = plan(policy, null);
    assertThat(plan).hasSize(4);
    assertThat(plan.subList(0, 3)).containsExactlyInAnyOrder(a1, a2, a3);
    assertThat(plan.get(3).datacenter()).isEqualTo("dc2");
  }

  @Test
  void token_aware_should_try_the_local_replicas_first_then_the_rest_once() {
    Map<String, Map<String, String>> replication = Map.of(
        "ks", Map.of("class", "NetworkTopologyStrategy", "dc1", "1", "dc2", "1"));
    Metadata metadata = metadata(all, replication);
    TokenAwarePolicy policy = new TokenAwarePolicy(new DcAwareRoundRobinPolicy("dc1"), false);
    policy.init(metadata, List.of(a1));
    TokenMap tokens = metadata.tokenMap();
    for (int key = 0; key < 200; key++) {
      ByteBuffer routingKey = ByteBuffer.allocate(4).putInt(0, key);
      Host replica = tokens.replicas("ks", routingKey).stream()
          .filter(h -> "dc1".equals(h.datacenter())).findFirst().orElseThrow();
      List<Host> plan = plan(policy, SimpleStatement.newInstance("q").setKeyspace("ks").setRoutingKey(routingKey));
      assertThat(plan.get(0)).as("key %d", key).isSameAs(replica);
      assertThat(plan).containsExactlyInAnyOrder(a1, a2, a3);
    }
    // no routing key, or an unknown keyspace: the child's plan as is
    assertThat(plan(policy, SimpleStatement.newInstance("q"))).containsExactlyInAnyOrder(a1, a2, a3);
    a2.markDown("test");
    ByteBuffer key = ByteBuffer.allocate(4).putInt(0, 7);
    List<Host> plan = plan(policy, SimpleStatement.newInstance("q").setKeyspace("ks").setRoutingKey(key));
    assertThat(plan.get(0).isUp()).isTrue();
    assertThat(plan).containsExactlyInAnyOrder(a1, a2, a3);
  }

  @Test
  void token_aware_should_start_each_request_at_the_next_replica_when_spreading() {
    Metadata metadata = metadata(all, Map.of("ks", Map.of("class", "SimpleStrategy", "replication_factor", "3")));
    TokenAwarePolicy policy = new TokenAwarePolicy(new DcAwareRoundRobinPolicy("dc1"));
    policy.init(metadata, List.of(a1));
    ByteBuffer key = ByteBuffer.allocate(4).putInt(0, 42);
    Set<Host> localReplicas = new LinkedHashSet<>(metadata.tokenMap().replicas("ks", key));
    localReplicas.removeIf(h -> !"dc1".equals(h.datacenter()));
    Set<Host> firsts = new LinkedHashSet<>();
    for (int i = 0; i < localReplicas.size(); i++) {
      List<Host> plan = plan(policy, SimpleStatement.newInstance("q").setKeyspace("ks").setRoutingKey(key));
      firsts.add(plan.get(0));
      assertThat(plan).doesNotHaveDuplicates();
    }
    assertThat(firsts).as("one request per local replica: each starts at another").isEqualTo(localReplicas);
  }

  @Test
  void token_aware_should_make_the_childs_plan_only_once_the_replicas_are_used_up() {
    RecordingPolicy child = new RecordingPolicy(all);
    Metadata metadata = metadata(all, Map.of("ks", Map.of("class", "SimpleStrategy", "replication_factor", "1")));
    TokenAwarePolicy policy = new TokenAwarePolicy(child, false);
    policy.init(metadata, List.of(a1));
    ByteBuffer key = ByteBuffer.allocate(4).putInt(0, 42);
    Host replica = metadata.tokenMap().replicas("ks", key).iterator().next();

    Iterator<Host> plan =
        policy.newQueryPlan("ks", SimpleStatement.newInstance("q").setKeyspace("ks").setRoutingKey(key));
    assertThat(plan.next()).isSameAs(replica);
    assertThat(child.plans).as("the replica answered: no child plan yet").hasValue(0);

    List<Host> rest = new ArrayList<>();
    plan.forEachRemaining(rest::add);
    assertThat(child.plans).hasValue(1);
    assertThat(rest).doesNotContain(replica).hasSize(all.size() - 1).doesNotHaveDuplicates();
  }

  @Test
  void token_aware_should_forward_every_event_to_its_child_when_wrapping() {
    RecordingPolicy child = new RecordingPolicy(List.of(a1));
    TokenAwarePolicy policy = new TokenAwarePolicy(child);
    policy.init(metadata(all), List.of(a1));
    policy.distance(a2);
    policy.onAdd(b1);
    policy.onRemove(b2);
    policy.onRequestCompleted(a3, 42, null);
    policy.onRequestCompleted(a3, 7, new IllegalStateException("boom"));
    assertThat(child.calls).containsExactly("init", "distance " + a2.address(), "add " + b1.address(),
        "remove " + b2.address(), "completed " + a3.address() + " 42 ok", "completed " + a3.address() + " 7 boom");
  }

  @Test
  void dc_aware_should_try_up_nodes_of_the_local_rack_first_then_the_rest_of_the_local_dc_when_a_rack_is_set() {
    DefaultHost r1a = host(11, "dc1", "r1");
    DefaultHost r1b = host(12, "dc1", "r1");
    DefaultHost r2a = host(13, "dc1", "r2");
    DefaultHost r2b = host(14, "dc1", "r2");
    DefaultHost far = host(15, "dc2", "r1");
    List<Host> racks = List.of(r2a, r1a, far, r2b, r1b);
    DcAwareRoundRobinPolicy policy =
        DcAwareRoundRobinPolicy.builder().withLocalDc("dc1").withLocalRack("r1").withUsedHostsPerRemoteDc(1).build();
    policy.init(metadata(racks), List.of(r2a));
    assertThat(policy.distance(r2a)).isEqualTo(HostDistance.LOCAL);
    Set<Host> rackFirsts = new LinkedHashSet<>();
    Set<Host> dcFirsts = new LinkedHashSet<>();
    for (int i = 0; i < 4; i++) {
      List<Host> plan = plan(policy, null);
      assertThat(plan.subList(0, 2)).containsExactlyInAnyOrder(r1a, r1b);
      assertThat(plan.subList(2, 4)).containsExactlyInAnyOrder(r2a, r2b);
      assertThat(plan.get(4)).isSameAs(far);
      rackFirsts.add(plan.get(0));
      dcFirsts.add(plan.get(2));
    }
    assertThat(rackFirsts).as("round robin in the rack").containsExactlyInAnyOrder(r1a, r1b);
    assertThat(dcFirsts).as("round robin in the rest of the dc").containsExactlyInAnyOrder(r2a, r2b);
    r1a.markDown("test");
    assertThat(plan(policy, null)).containsExactly(r1b, r2a, r2b, r1a, far);
  }

  @Test
  void dc_aware_should_warn_and_use_the_whole_dc_when_no_local_node_is_in_the_local_rack() {
    DcAwareRoundRobinPolicy policy = DcAwareRoundRobinPolicy.builder().withLocalDc("dc1").withLocalRack("r9").build();
    try (LogCapture logs = LogCapture.start()) {
      policy.init(metadata(all), List.of(a1));
      assertThat(logs.lines())
          .anySatisfy(line -> assertThat(line).contains("WARN").contains("'r9'").contains("withLocalRack"));
    }
    assertThat(policy.localRack()).isEqualTo("r9");
    assertThat(plan(policy, null)).containsExactlyInAnyOrder(a1, a2, a3);
  }

  record Node(int dc, int rack, boolean up) {}

  @Provide
  Arbitrary<List<Node>> clusters() {
    Arbitrary<Node> node = Combinators.combine(Arbitraries.integers().between(1, 3),
        Arbitraries.integers().between(1, 3), Arbitraries.of(true, true, false)).as(Node::new);
    return node.list().ofMinSize(0).ofMaxSize(15);
  }

  @Property(tries = 300)
  void dc_aware_should_yield_every_used_node_once_up_rack_nodes_first_and_no_ignored_one_when_planning(
      @ForAll("clusters") List<Node> nodes, @ForAll @IntRange(min = 1, max = 3) int dc,
      @ForAll @IntRange(min = 0, max = 3) int rack, @ForAll @IntRange(min = 0, max = 2) int remotePerDc) {
    List<DefaultHost> hosts = new ArrayList<>();
    for (int n = 0; n < nodes.size(); n++) {
      DefaultHost host = host(100 + n, "dc" + nodes.get(n).dc(), "r" + nodes.get(n).rack());
      if (!nodes.get(n).up()) {
        host.markDown("property");
      }
      hosts.add(host);
    }
    // A rack of the local DC (a rack without nodes is a WARN, tested above): 0 for none.
    boolean rackHasNodes =
        hosts.stream().anyMatch(h -> h.datacenter().equals("dc" + dc) && h.rack().equals("r" + rack));
    String localRack = rack == 0 || !rackHasNodes ? null : "r" + rack;
    DcAwareRoundRobinPolicy policy = DcAwareRoundRobinPolicy.builder()
        .withLocalDc("dc" + dc).withLocalRack(localRack).withUsedHostsPerRemoteDc(remotePerDc).build();
    policy.init(metadata(hosts), List.of());
    List<Host> used = hosts.stream()
        .filter(h -> policy.distance(h) != HostDistance.IGNORED).map(Host.class::cast).toList();
    assertThat(used).filteredOn(h -> !h.datacenter().equals("dc" + dc)).hasSizeLessThanOrEqualTo(2 * remotePerDc);
    for (int round = 0; round < 3; round++) {
      List<Host> plan = plan(policy, null);
      assertThat(plan).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(used);
      long upInRack = used.stream()
          .filter(h -> h.isUp() && h.datacenter().equals("dc" + dc) && h.rack().equals(localRack)).count();
      assertThat(plan.subList(0, (int) upInRack))
          .allMatch(h -> h.isUp() && h.datacenter().equals("dc" + dc) && h.rack().equals(localRack));
      int firstRemote = plan.size();
      for (int i = plan.size() - 1; i >= 0 && !plan.get(i).datacenter().equals("dc" + dc); i--) {
        firstRemote = i;
      }
      assertThat(plan.subList(0, firstRemote)).as("local nodes before remote ones")
          .allMatch(h -> h.datacenter().equals("dc" + dc));
    }
  }
}
