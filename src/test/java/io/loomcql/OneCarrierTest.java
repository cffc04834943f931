package io.loomcql;

import static org.assertj.core.api.Assertions.assertThat;

import io.loomcql.testkit.ChildJvm;
import io.loomcql.testkit.OneCarrierMain;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * 10,000 concurrent blocking executes with the virtual-thread scheduler on one carrier, in a
 * forked JVM ({@link OneCarrierMain}): callers beyond the 1024 stream ids wait for one instead of
 * failing, and nothing pins the only carrier (the fake node shares it too).
 */
class OneCarrierTest {
  /** The scheduler options of the child JVM: one carrier, and no extra one to compensate pins. */
  static final List<String> ONE_CARRIER = List.of(
      "-Djdk.virtualThreadScheduler.parallelism=1", "-Djdk.virtualThreadScheduler.maxPoolSize=1", "-Xmx512m");

  @Test
  void should_answer_10000_blocking_callers_when_the_scheduler_has_one_carrier() throws Exception {
    List<String> options = new ArrayList<>(ONE_CARRIER);
    options.add("-D" + OneCarrierMain.DEADLINE_PROPERTY + "=100");

    ChildJvm.Result child = ChildJvm.run(Duration.ofSeconds(120), options, OneCarrierMain.class, "fake");

    System.out.println("OneCarrierTest child: " + child);
    assertThat(child.exitCode()).as("%s", child).isZero();
    assertThat(child.output())
        .as("%s", child)
        .contains(OneCarrierMain.CALLERS + " of " + OneCarrierMain.CALLERS + " callers answered correctly")
        .contains(" on 1 carrier(s) ");
  }
}
