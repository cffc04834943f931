package io.loomcql;

import static org.assertj.core.api.Assertions.assertThat;

import io.loomcql.testkit.ReconnectionStorm;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Plan test C23, small: 20 sessions against a fake three-node cluster that restarts (the
 * 100-session run, which also checks the wave-to-wave doubling, is {@code soak/ReconnectionStormIT}).
 * Attempts are counted on the node side. Each session reconnects one pool per node and its
 * cluster's control connection, which tries every node each round: 2 attempts per session per
 * node per wave while the nodes are down.
 */
class ReconnectionStormTest {
  private static final Duration BASE = Duration.ofMillis(200);
  private static final Duration MAX = Duration.ofMillis(800);

  @Test
  void should_spread_and_back_off_the_reconnections_of_20_sessions_to_a_restarting_cluster() throws Exception {
    ReconnectionStorm.Result result = ReconnectionStorm.run(20, 2, BASE, MAX, Duration.ofMillis(2000));
    result.assertGuarded();
    // Exponential: delays of 1, 2 and 4 base (capped at 4) put 3 waves in 2 s (the 4th is due at
    // 11 base, at the earliest 9.35 with jitter); a constant 1-base delay would make 9 or more.
    int perWave = 2 * result.sessions();
    for (int node = 0; node < 3; node++) {
      assertThat(result.attemptsWhileDown(node)).as("attempts on node %d while down; %s", node, result.describe())
          .isBetween(3 * perWave - 2, 4 * perWave);
    }
  }
}
