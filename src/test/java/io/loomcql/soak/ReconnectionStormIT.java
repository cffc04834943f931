package io.loomcql.soak;

import static org.assertj.core.api.Assertions.assertThat;

import io.loomcql.testkit.ReconnectionStorm;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Plan test C23 at the plan's scale (long profile: {@code ./mvnw verify -Plong}): 100 sessions
 * (clusters), 2 connections per node, the driver's default base delay of 1 s (doubling, capped at
 * 4 s here), against a fake three-node cluster that is down for 9 s (waves due at 1, 3 and 7 s;
 * the 4th, at 11 s, finds the nodes back). Attempts are counted on the
 * node side. Besides {@link ReconnectionStorm.Result#assertGuarded()}, the waves of attempts
 * while the nodes are down must come about 1, 2 and 4 s apart: exponential backoff.
 * Size: {@code -Dstorm.sessions=100}.
 */
class ReconnectionStormIT {
  private static final int SESSIONS = Integer.getInteger("storm.sessions", 100);
  private static final Duration BASE = Duration.ofSeconds(1);

  @Test
  void should_spread_and_back_off_the_reconnections_of_100_sessions_to_a_restarting_cluster() throws Exception {
    ReconnectionStorm.Result result =
        ReconnectionStorm.run(SESSIONS, 2, BASE, Duration.ofSeconds(4), Duration.ofSeconds(9));
    System.out.println("C23 storm: " + result.describe());
    result.assertGuarded();
    String report = result.describe();
    for (int node = 0; node < 3; node++) {
      List<List<Long>> waves = result.waves(node);
      assertThat(waves).as("waves on node %d; %s", node, report).hasSize(3);
      for (List<Long> wave : waves) {
        assertThat(wave).as("each session's pool and control connection once per wave; %s", report)
            .hasSize(2 * SESSIONS);
      }
      double firstSpread = (last(waves.get(0)) - waves.get(0).get(0)) / (double) BASE.toNanos();
      // jitter +-15%, plus the ~0.1 s it takes the sessions to see 700 connections drop
      assertThat(firstSpread).as("spread of the first wave, in base delays; %s", report).isBetween(0.10, 0.50);
      double second = (median(waves.get(1)) - median(waves.get(0))) / BASE.toNanos();
      double third = (median(waves.get(2)) - median(waves.get(1))) / BASE.toNanos();
      assertThat(second).as("second delay, in base delays; %s", report).isBetween(1.8, 2.2);
      assertThat(third).as("third delay, in base delays; %s", report).isBetween(3.6, 4.4);
    }
  }

  private static long last(List<Long> times) {
    return times.get(times.size() - 1);
  }

  private static double median(List<Long> times) {
    return times.get(times.size() / 2);
  }
}
