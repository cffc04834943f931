package io.loomcql.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.loomcql.internal.metadata.DefaultHost;
import io.loomcql.metadata.Host;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RackFirstPlanTest {
  @Test
  void should_give_the_rack_then_the_datacenter_then_the_down_nodes() {
    DefaultHost[] rack = hosts(1, 2);
    DefaultHost[] others = hosts(3, 3);
    others[0].markDown("test");

    assertThat(drain(new RackFirstPlan(rack, others, 0), false))
        .containsExactly(rack[0], rack[1], others[1], others[2], others[0]);
  }

  @Test
  void should_give_each_node_once_when_the_ones_given_out_go_down() {
    for (int size : new int[] {3, 40}) { // 40: past the 32 offsets kept in one long
      DefaultHost[] rack = hosts(1, size);
      DefaultHost[] others = hosts(100, size);

      List<Host> plan = drain(new RackFirstPlan(rack, others, 5), true);

      assertThat(plan).as("%d nodes per array", size).hasSize(2 * size).doesNotHaveDuplicates();
    }
  }

  /** The whole plan; with {@code breakEach}, every node given out is marked down right away. */
  private static List<Host> drain(RackFirstPlan plan, boolean breakEach) {
    List<Host> hosts = new ArrayList<>();
    while (plan.hasNext()) {
      Host host = plan.next();
      hosts.add(host);
      if (breakEach) {
        ((DefaultHost) host).markDown("connection broke");
      }
    }
    return hosts;
  }

  private static DefaultHost[] hosts(int first, int n) {
    return IntStream.range(first, first + n).mapToObj(i -> TestHosts.host(i, "dc1", "r1")).toArray(DefaultHost[]::new);
  }
}
