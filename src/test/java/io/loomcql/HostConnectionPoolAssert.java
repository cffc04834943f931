package io.loomcql;

import static org.assertj.core.api.Assertions.assertThat;

import io.loomcql.testkit.FakeNode;
import java.time.Duration;

/** Waits (briefly) for the fake node to see the expected number of open driver connections. */
final class HostConnectionPoolAssert {
  private HostConnectionPoolAssert() {}

  static void openConnections(FakeNode node, int expected) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
    while (node.openConnections() != expected && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(node.openConnections()).isEqualTo(expected);
  }
}
