package io.loomcql.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.loomcql.internal.metadata.DefaultHost;
import io.loomcql.metadata.Host;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class UpFirstPlanTest {
  @Test
  void should_give_up_nodes_first_then_the_others_from_the_rotating_start() {
    DefaultHost[] hosts = hosts(4);
    hosts[1].markDown("test");

    assertThat(drain(UpFirstPlan.of(hosts, 1), null)).containsExactly(hosts[2], hosts[3], hosts[0], hosts[1]);
  }

  @Test
  void should_not_give_a_node_again_when_it_goes_down_after_it_was_given_out() {
    DefaultHost[] hosts = hosts(3);

    // the first node breaks under the request it serves and is marked down at once
    List<Host> plan = drain(UpFirstPlan.of(hosts, 0), first -> ((DefaultHost) first).markDown("connection broke"));

    assertThat(plan).containsExactly(hosts[0], hosts[1], hosts[2]);
  }

  @Test
  void should_give_a_node_that_came_back_up_in_the_second_pass() {
    DefaultHost[] hosts = hosts(3);
    hosts[0].markDown("test");

    List<Host> plan = drain(UpFirstPlan.of(hosts, 0), first -> hosts[0].markUp());

    assertThat(plan).containsExactly(hosts[1], hosts[2], hosts[0]);
  }

  @Test
  void should_give_each_of_more_than_64_nodes_once_even_when_all_go_down_midway() {
    DefaultHost[] hosts = hosts(130);

    List<Host> plan = drain(UpFirstPlan.of(hosts, 7), first -> {
      for (int i = 0; i < 100; i++) {
        hosts[(7 + 1 + i) % hosts.length].markDown("test");
      }
    });

    assertThat(plan).hasSize(130).doesNotHaveDuplicates();
    assertThat(plan.subList(0, 1)).containsExactly(hosts[7]);
    assertThat(plan.subList(1, 30)).allMatch(Host::isUp); // the up pass goes on with the nodes still up
  }

  /** The whole plan; {@code afterFirst} runs once, right after the first node is taken. */
  private static List<Host> drain(UpFirstPlan plan, Consumer<Host> afterFirst) {
    List<Host> hosts = new ArrayList<>();
    while (plan.hasNext()) {
      hosts.add(plan.next());
      if (hosts.size() == 1 && afterFirst != null) {
        afterFirst.accept(hosts.get(0));
      }
    }
    return hosts;
  }

  private static DefaultHost[] hosts(int n) {
    return IntStream.rangeClosed(1, n).mapToObj(i -> TestHosts.host(i, "dc1", "r1")).toArray(DefaultHost[]::new);
  }
}
