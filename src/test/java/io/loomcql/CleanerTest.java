package io.loomcql;

import static org.assertj.core.api.Assertions.assertThat;

import io.loomcql.internal.DriverResources;
import io.loomcql.testkit.FakeNode;
import io.loomcql.testkit.logging.LogCapture;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A cluster dropped without close() is closed by the Cleaner, with a WARN. */
class CleanerTest {

  @Test
  void should_close_a_dropped_cluster_and_warn() throws Exception {
    try (FakeNode node = new FakeNode(); LogCapture log = LogCapture.start()) {
      int before = DriverResources.openConnections();
      openAndDrop(node);
      assertThat(DriverResources.openConnections()).isEqualTo(before + 2); // control connection and pool

      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (DriverResources.openConnections() > before && System.nanoTime() < deadline) {
        System.gc();
        Thread.sleep(50);
      }
      assertThat(DriverResources.openConnections()).isEqualTo(before);
      assertThat(log.lines()).anyMatch(line -> line.startsWith("WARN") && line.contains("never closed"));
    }
  }

  private static void openAndDrop(FakeNode node) throws Exception {
    Cluster cluster = Cluster.builder().addContactPoints(node.address()).build();
    Session session = cluster.connect();
    session.execute("hello");
    // both go out of scope here, unclosed
  }
}
