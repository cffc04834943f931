package io.loomcql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loomcql.error.DriverException;
import io.loomcql.testkit.FakeNode;
import io.loomcql.testkit.TwoFakeNodes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Plan tests E31 (a malicious node cannot exhaust memory or stall the other nodes) and D27 (a
 * callback that blocks does not hold up any connection's reads), with two fake nodes: node a
 * misbehaves, node b is healthy.
 */
class MaliciousNodeTest extends TwoFakeNodes {

  /** "healthy ..." statements go to node b only, every other one to node a only. */
  private io.loomcql.policy.LoadBalancingPolicy routing() throws Exception {
    java.net.InetSocketAddress addressA = a.address();
    java.net.InetSocketAddress addressB = b.address();
    return new io.loomcql.policy.LoadBalancingPolicy() {
      private volatile io.loomcql.metadata.Metadata metadata;

      @Override
      public void init(io.loomcql.metadata.Metadata metadata, java.util.Collection<io.loomcql.metadata.Host> contacts) {
        this.metadata = metadata;
      }

      @Override
      public java.util.Iterator<io.loomcql.metadata.Host> newQueryPlan(String keyspace, Statement<?> statement) {
        boolean healthy = statement instanceof SimpleStatement simple && simple.query().startsWith("healthy");
        java.net.InetSocketAddress target = healthy ? addressB : addressA;
        return metadata.allHosts().stream().filter(h -> h.address().equals(target)).iterator();
      }
    };
  }

  private Cluster cluster() throws Exception {
    return builder(b).build();
  }

  /**
   * The control connection on {@code contact}, requests routed by {@link #routing()}, short
   * heartbeats, and a broken connection replaced 20 ms later (the first reconnection waits one
   * delay), so that tests that break node a's connection again and again do not wait seconds.
   */
  private Cluster.Builder builder(FakeNode contact) throws Exception {
    return Cluster.builder()
        .addContactPoints(contact.address())
        .withLoadBalancingPolicy(routing())
        .withRequestTimeout(Duration.ofSeconds(2))
        .withReconnectionPolicy(new io.loomcql.policy.ConstantReconnectionPolicy(Duration.ofMillis(20)))
        .withIdleHeartbeatInterval(Duration.ofMillis(500))
        .withIdleHeartbeatTimeout(Duration.ofMillis(500));
  }

  /** Heap in use after a full GC. */
  private static long heapAfterGc() {
    Runtime runtime = Runtime.getRuntime();
    System.gc();
    return runtime.totalMemory() - runtime.freeMemory();
  }

  /** Runs {@code count} requests that only node b can answer, and returns the slowest. */
  private static Duration slowestOnB(Session session, io.loomcql.metadata.Host hostB, int count) {
    long slowest = 0;
    for (int i = 0; i < count; i++) {
      long start = System.nanoTime();
      ResultSet rs = session.execute(SimpleStatement.newInstance("healthy " + i).setIdempotent(true));
      slowest = Math.max(slowest, System.nanoTime() - start);
      assertThat(rs.one().getString(0)).startsWith("healthy");
    }
    return Duration.ofNanos(slowest);
  }

  @Test
  void should_drop_a_connection_whose_frame_claims_two_gib_without_allocating_it() throws Exception {
    a.behavior((query, request, peer) -> {
      if (query.query().startsWith("evil")) {
        byte[] header = {(byte) 0x84, 0, (byte) (request.streamId() >> 8), (byte) request.streamId(), 0x08,
            0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
        peer.writeRaw(header);
      } else {
        FakeNode.echo(query, request, peer);
      }
    });
    // Each bad frame waits for the replacement of the connection the previous one broke, so
    // that every one of them reaches node a.
    try (Cluster cluster = cluster(); Session session = cluster.connect()) {
      io.loomcql.metadata.Host hostA = host(session, a);
      Runtime runtime = Runtime.getRuntime();
      System.gc();
      long heapBefore = runtime.totalMemory() - runtime.freeMemory();
      for (int i = 0; i < 20; i++) {
        awaitOpen(session, hostA);
        SimpleStatement evil = SimpleStatement.newInstance("evil " + i);
        try {
          session.execute(evil); // not idempotent: a's answer is its answer
        } catch (DriverException expected) {
          assertThat(expected).isNotInstanceOf(OutOfMemoryError.class);
        }
      }
      long heapAfter = runtime.totalMemory() - runtime.freeMemory();
      assertThat(heapAfter - heapBefore).as("no 2 GiB buffer was allocated").isLessThan(256L << 20);
      assertThat(slowestOnB(session, host(session, b), 50)).isLessThan(Duration.ofMillis(500));
      assertThat(a.acceptedConnections()).as("each bad frame closed a's connection").isBetween(20, 21);
      assertThat(hostA).isNotNull();
    }
  }

  @Test
  void should_close_a_connection_whose_lz4_body_claims_two_gib_without_allocating_it() throws Exception {
    a.behavior((query, request, peer) -> {
      if (query.query().startsWith("bomb")) {
        int stream = request.streamId();
        peer.writeRaw(new byte[] {(byte) 0x84, 0x01 /* compressed */, (byte) (stream >> 8), (byte) stream, 0x08, 0, 0, 0, 8,
            0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xF0, // LZ4 prefix: 2,147,483,632 bytes once decompressed
            0x10, 0x41, 0, 0}); // and 4 bytes of block
      } else {
        FakeNode.echo(query, request, peer);
      }
    });
    try (Cluster cluster = builder(b).withCompression(Compression.LZ4).build(); Session session = cluster.connect()) {
      assertThat(cluster.protocolVersion()).as("the fake nodes speak v4").isEqualTo(ProtocolVersion.V4);
      io.loomcql.metadata.Host hostA = host(session, a);
      assertThat(session.execute("warm up").one().getString(0)).isEqualTo("warm up"); // compressed both ways
      int acceptedBefore = a.acceptedConnections();
      long heapBefore = heapAfterGc();
      long allocatedBefore = io.loomcql.internal.protocol.compression.Allocations.total();
      for (int i = 0; i < 10; i++) {
        awaitOpen(session, hostA);
        Throwable failure = org.assertj.core.api.Assertions.catchThrowable(
            () -> session.execute(SimpleStatement.newInstance("bomb " + System.nanoTime()))); // not idempotent
        assertThat(failure)
            .isInstanceOfSatisfying(io.loomcql.error.ConnectionException.class,
                e -> assertThat(e.getMessage()).contains("connection broken").contains("not idempotent"))
            .rootCause()
            .isInstanceOf(io.loomcql.error.ProtocolError.class)
            .hasMessageContaining("declares 2147483632 uncompressed bytes, more than the maximum");
      }
      long allocated = io.loomcql.internal.protocol.compression.Allocations.total() - allocatedBefore;
      assertThat(allocated).as("allocated by all threads for 10 bombs and 10 reconnections").isLessThan(64L << 20);
      assertThat(heapAfterGc() - heapBefore).as("heap growth").isLessThan(32L << 20);
      awaitOpen(session, hostA); // the 10th bomb's connection is replaced too
      assertThat(a.acceptedConnections() - acceptedBefore).as("each bomb closed a's connection").isGreaterThanOrEqualTo(10);
      assertThat(slowestOnB(session, host(session, b), 50)).isLessThan(Duration.ofMillis(500));
    }
  }

  /** Waits for the pool of {@code host} to have an open connection again. */
  private static void awaitOpen(Session session, io.loomcql.metadata.Host host) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (session.pool(host).openCount() == 0 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(session.pool(host).openCount()).as("open connections to " + host).isPositive();
  }

  @Test
  void should_survive_an_endless_event_stream_on_the_control_connection_and_keep_the_other_node_fast()
      throws Exception {
    java.net.InetSocketAddress unknown = new java.net.InetSocketAddress("127.0.0.99", 9042);
    List<io.loomcql.internal.protocol.Event> events = List.of(
        new io.loomcql.internal.protocol.Event.StatusChange("UP", unknown),
        new io.loomcql.internal.protocol.Event.StatusChange("DOWN", b.address()),
        new io.loomcql.internal.protocol.Event.TopologyChange("NEW_NODE", unknown));
    try (Cluster cluster = builder(a).build(); Session session = cluster.connect()) {
      assertThat(a.registeredConnections()).as("the control connection is on a").isOne();
      long heapBefore = heapAfterGc();
      java.util.concurrent.atomic.AtomicLong pushed = new java.util.concurrent.atomic.AtomicLong();
      java.util.concurrent.atomic.AtomicBoolean flooding = new java.util.concurrent.atomic.AtomicBoolean(true);
      // A platform thread: the flood must not take one of the few virtual-thread carriers itself.
      Thread flood = Thread.ofPlatform().name("event-flood").start(() -> {
        while (flooding.get()) {
          pushed.addAndGet(a.pushEvents(events, 1_000));
        }
      });
      Duration slowest = Duration.ZERO;
      long heapDuring = 0;
      long start = System.nanoTime();
      try {
        while (System.nanoTime() - start < Duration.ofSeconds(3).toNanos()) {
          Duration round = slowestOnB(session, host(session, b), 20);
          slowest = round.compareTo(slowest) > 0 ? round : slowest;
          if (heapDuring == 0 && System.nanoTime() - start > Duration.ofMillis(1_500).toNanos()) {
            heapDuring = heapAfterGc(); // what the flood keeps alive while it runs (between timed requests)
          }
        }
      } finally {
        flooding.set(false);
        flood.join(5_000);
      }
      long heapAfter = heapAfterGc();
      assertThat(pushed.get()).as("bytes of events pushed in 3 s").isGreaterThan(10L << 20);
      assertThat(slowest).as("slowest request to b during the flood").isLessThan(Duration.ofMillis(500));
      assertThat(heapDuring - heapBefore).as("heap growth during the flood").isLessThan(32L << 20);
      assertThat(heapAfter - heapBefore).as("heap growth after the flood").isLessThan(32L << 20);
      assertThat(host(session, b).isUp()).as("a DOWN event is not enough to lose b").isTrue();
      assertThat(session.execute("after the flood").one().getString(0)).isEqualTo("after the flood");
    }
  }

  @Test
  void should_close_a_connection_that_drips_one_byte_at_a_time_and_keep_the_other_node_fast() throws Exception {
    a.behavior((query, request, peer) -> Thread.startVirtualThread(() -> {
      if (!query.query().equals("drip")) {
        try {
          FakeNode.echo(query, request, peer);
        } catch (java.io.IOException closed) {
          // the driver hung up
        }
        return;
      }
      try {
        for (byte value : FakeNode.Peer.encoded(request, FakeNode.textRow(query.query()))) {
          Thread.sleep(200); // slowloris: a valid answer, one byte every 200 ms
          peer.writeRaw(new byte[] {value});
        }
      } catch (Exception closed) {
        // the driver hung up, as it should
      }
    }));
    try (Cluster cluster = cluster(); Session session = cluster.connect()) {
      io.loomcql.metadata.Host hostA = host(session, a);
      long start = System.nanoTime();
      CompletableFuture<ResultSet> dripping = session.executeAsync(
          SimpleStatement.newInstance("drip").setTimeout(Duration.ofSeconds(30)));
      assertThat(slowestOnB(session, host(session, b), 200)).as("node b meanwhile").isLessThan(Duration.ofMillis(500));
      assertThatThrownBy(() -> dripping.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(DriverException.class);
      Duration failedAfter = Duration.ofNanos(System.nanoTime() - start);
      assertThat(failedAfter).as("heartbeat interval + timeout + slack, not the 30 s request timeout")
          .isLessThan(Duration.ofMillis(2_500));
      assertThat(session.pool(hostA).openCount()).isLessThanOrEqualTo(1);
    }
  }

  @Test
  void should_run_a_blocking_callback_off_every_connection_reader() throws Exception {
    try (Cluster cluster = cluster(); Session session = cluster.connect()) {
      List<CompletableFuture<?>> blocked = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        blocked.add(session.executeAsync("first " + i).thenApply(rs -> {
          try {
            Thread.sleep(1_000); // a user callback that blocks
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return rs;
        }));
      }
      Thread.sleep(50); // the callbacks are now blocking, on whatever thread runs them
      long start = System.nanoTime();
      for (int i = 0; i < 20; i++) {
        assertThat(session.execute("second " + i).one().getString(0)).isEqualTo("second " + i);
      }
      assertThat(Duration.ofNanos(System.nanoTime() - start)).as("reads go on while callbacks block")
          .isLessThan(Duration.ofMillis(500));
      CompletableFuture.allOf(blocked.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
    }
  }

  private static io.loomcql.metadata.Host host(Session session, FakeNode node) throws Exception {
    java.net.InetSocketAddress address = node.address();
    return session.hosts().stream().filter(h -> h.address().equals(address)).findFirst().orElseThrow();
  }
}
