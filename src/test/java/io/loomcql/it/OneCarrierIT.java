package io.loomcql.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.loomcql.testkit.CassandraExtension;
import io.loomcql.testkit.ChildJvm;
import io.loomcql.testkit.OneCarrierMain;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * 10,000 concurrent blocking callers, each inserting and reading back its own row with prepared
 * statements, with the virtual-thread scheduler on one carrier, against a real node, in a forked
 * JVM ({@link OneCarrierMain} {@code node}).
 */
@ExtendWith(CassandraExtension.class)
class OneCarrierIT {
  /** Per-request timeout in the child: generous, a shared 2-core box runs the node too. */
  private static final int REQUEST_TIMEOUT_SECONDS = 60;

  @Test
  void should_answer_10000_blocking_callers_on_a_real_node_when_the_scheduler_has_one_carrier(
      InetSocketAddress contactPoint) throws Exception {
    List<String> options = List.of(
        "-Djdk.virtualThreadScheduler.parallelism=1", "-Djdk.virtualThreadScheduler.maxPoolSize=1", "-Xmx512m",
        "-D" + OneCarrierMain.DEADLINE_PROPERTY + "=240");

    ChildJvm.Result child = ChildJvm.run(Duration.ofSeconds(270), options, OneCarrierMain.class, "node",
        contactPoint.getHostString(), String.valueOf(contactPoint.getPort()), String.valueOf(REQUEST_TIMEOUT_SECONDS));

    System.out.println("OneCarrierIT child: " + child);
    assertThat(child.exitCode()).as("%s", child).isZero();
    assertThat(child.output())
        .as("%s", child)
        .contains(OneCarrierMain.CALLERS + " of " + OneCarrierMain.CALLERS + " callers answered correctly")
        .contains(" on 1 carrier(s) ");
  }
}
