package io.loomcql.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MonotonicTimestampGeneratorTest {
  @Test
  void should_never_repeat_or_go_back_even_when_the_clock_does() {
    AtomicLong clock = new AtomicLong(1_000);
    MonotonicTimestampGenerator generator = new MonotonicTimestampGenerator(clock::get);
    assertThat(generator.next()).isEqualTo(1_000);
    assertThat(generator.next()).isEqualTo(1_001); // same microsecond
    clock.set(500); // the clock stepped back
    assertThat(generator.next()).isEqualTo(1_002);
    clock.set(2_000);
    assertThat(generator.next()).isEqualTo(2_000);
  }

  @Test
  void should_let_the_server_choose_with_the_server_side_generator() {
    assertThat(TimestampGenerator.serverSide().next()).isEqualTo(io.loomcql.Statement.NO_TIMESTAMP);
  }
}
