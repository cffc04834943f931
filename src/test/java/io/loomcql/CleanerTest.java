package io.loomcql;

import static org.assertj.core.api.Assertions.assertThat;

import io.loomcql.internal.DriverResources;
import io.loomcql.testkit.FakeNode;
import io.loomcql.testkit.logging.LogCapture;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Plan test D26: a cluster dropped without close() is closed by the Cleaner, with a WARN: within
 * 5 s of {@code System.gc()} its sockets are closed (the node sees none) and its driver threads
 * are gone.
 */
class CleanerTest {
  private static final Duration BOUND = Duration.ofSeconds(5);

  @Test
  void should_close_a_dropped_cluster_and_warn() throws Exception {
    try (FakeNode node = new FakeNode(); LogCapture log = LogCapture.start()) {
      int connectionsBefore = DriverResources.openConnections();
      int threadsBefore = DriverResources.liveThreads();
      openAndDrop(node);
      assertThat(DriverResources.openConnections()).isEqualTo(connectionsBefore + 2); // control connection and pool
      assertThat(node.openConnections()).isEqualTo(2);
      assertThat(DriverResources.liveThreads()).as("the dropped cluster's threads run").isGreaterThan(threadsBefore);

      long start = System.nanoTime();
      long deadline = start + BOUND.toNanos();
      while ((DriverResources.openConnections() > connectionsBefore
              || DriverResources.liveThreads() > threadsBefore
              || node.openConnections() > 0)
          && System.nanoTime() < deadline) {
        System.gc();
        Thread.sleep(20);
      }
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      List<String> threads = DriverResources.liveThreadNames();
      assertThat(DriverResources.openConnections()).as("driver connections after %s", took).isEqualTo(connectionsBefore);
      assertThat(node.openConnections()).as("sockets the node still sees after %s", took).isZero();
      assertThat(DriverResources.liveThreads()).as("driver threads after %s: %s", took, threads).isEqualTo(threadsBefore);
      assertThat(took).isLessThan(BOUND);
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
