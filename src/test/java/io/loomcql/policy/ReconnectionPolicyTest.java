package io.loomcql.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReconnectionPolicyTest {

  @Test
  void should_double_up_to_the_maximum_with_jitter() {
    ReconnectionPolicy.Schedule schedule =
        new ExponentialReconnectionPolicy(Duration.ofSeconds(1), Duration.ofSeconds(60)).newSchedule();
    long[] expected = {1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000};
    for (long millis : expected) {
      assertThat(schedule.nextDelay().toMillis()).isBetween((long) (millis * 0.85), (long) (millis * 1.15));
    }
    for (int i = 0; i < 100; i++) {
      assertThat(schedule.nextDelay()).isLessThanOrEqualTo(Duration.ofSeconds(69)); // never overflows
    }
  }

  @Test
  void should_stay_at_the_maximum_when_a_large_base_would_overflow_the_doubling() {
    Duration base = Duration.ofNanos((1L << 34) + 1); // about 17 s: shifted by 30 it wraps a long
    ReconnectionPolicy.Schedule schedule =
        new ExponentialReconnectionPolicy(base, Duration.ofMinutes(10)).newSchedule();
    for (int i = 0; i < 40; i++) {
      assertThat(schedule.nextDelay()).as("attempt %d", i).isGreaterThanOrEqualTo(base.multipliedBy(85).dividedBy(100));
    }
    assertThat(schedule.nextDelay().toSeconds()).isBetween(510L, 690L); // the maximum, with jitter
  }

  @Test
  void should_spread_clients_that_reconnect_together() {
    ReconnectionPolicy policy = new ConstantReconnectionPolicy(Duration.ofSeconds(2));
    Set<Duration> delays = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      Duration delay = policy.newSchedule().nextDelay();
      assertThat(delay.toMillis()).isBetween(1700L, 2300L);
      delays.add(delay);
    }
    assertThat(delays).as("not all in step").hasSizeGreaterThan(40);
  }
}
