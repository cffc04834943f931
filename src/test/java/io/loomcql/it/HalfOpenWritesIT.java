package io.loomcql.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.loomcql.ResponseFuture;
import io.loomcql.Session;
import io.loomcql.SimpleStatement;
import io.loomcql.error.BusyPoolException;
import io.loomcql.error.OperationTimedOutException;
import io.loomcql.testkit.CassandraExtension;
import io.loomcql.testkit.FaultProxy;
import io.loomcql.testkit.ProxiedHosts;
import io.loomcql.testkit.TestKeyspaces;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Plan C14: half-open writes. The proxy in front of host A stops reading what the driver sends
 * (the node "stops reading"), so A's socket buffers fill and the connection's writer blocks;
 * host B (the same real node through another proxy) must not notice.
 *
 * <p>What the driver guarantees today, and so what is asserted: the writer blocks in a socket
 * write on its own virtual thread (no pin, no platform thread held); callers never block on the
 * writer, only on a stream id; a connection holds at most {@code maxRequestsPerConnection}
 * requests (its write queue is bounded by stream ids, not by bytes); a request that finds no free
 * id fails with {@link BusyPoolException} at its timeout; one that times out while queued or half
 * written stays an orphan holding its id; after the stall every request completes or has failed,
 * and every id comes back.
 */
@ExtendWith(CassandraExtension.class)
class HalfOpenWritesIT {
  private static final String KEYSPACE = "it_half_open_writes";
  private static final String ON_A = "/* A */ ";
  private static final int STREAM_IDS = 16;
  private static final String BIG = "x".repeat(1 << 20); // 16 of these overflow the TCP buffers

  private static ProxiedHosts hosts;

  @BeforeAll
  static void start(InetSocketAddress node) throws Exception {
    hosts = ProxiedHosts.start(node, 2,
        (statement, proxies) -> statement instanceof SimpleStatement simple && simple.query().startsWith(ON_A)
            ? List.of(proxies.get(0))
            : List.of(proxies.get(1)),
        builder -> builder.withMaxRequestsPerConnection(STREAM_IDS));
    Session session = hosts.session();
    TestKeyspaces.recreate(session, KEYSPACE);
    session.execute("CREATE TABLE " + KEYSPACE + ".kv (k int PRIMARY KEY, v text)");
    session.execute("INSERT INTO " + KEYSPACE + ".kv (k, v) VALUES (0, 'small')");
  }

  @AfterAll
  static void stop() {
    if (hosts != null) {
      hosts.close();
    }
  }

  @Test
  void should_block_only_the_writer_of_a_stalled_connection_and_complete_everything_after_resume()
      throws Exception {
    FaultProxy a = hosts.proxy(0);
    Session session = hosts.session();
    Queue<RecordedEvent> slowWrites = new ConcurrentLinkedQueue<>();
    Queue<RecordedEvent> pins = new ConcurrentLinkedQueue<>();
    try (RecordingStream jfr = new RecordingStream()) {
      jfr.enable("jdk.SocketWrite").withThreshold(Duration.ofMillis(500)).withStackTrace();
      jfr.enable("jdk.VirtualThreadPinned").withThreshold(Duration.ZERO).withStackTrace();
      jfr.onEvent("jdk.SocketWrite", slowWrites::add);
      jfr.onEvent("jdk.VirtualThreadPinned", pins::add);
      jfr.startAsync();
      assertThat(session.execute(onA("SELECT v FROM " + KEYSPACE + ".kv WHERE k = 0")).one().getString(0))
          .isEqualTo("small");
      Duration baseline = timeOnB(session, 200);

      a.upstream().stall();
      long stalled = System.nanoTime();
      long forwardedBefore = a.bytesUpstream();
      List<ResponseFuture> held = new ArrayList<>(); // they outlast the stall
      List<ResponseFuture> givenUp = new ArrayList<>(); // they time out during it, as orphans
      for (int i = 0; i < STREAM_IDS; i++) { // 16 MiB for A's writer: far more than the buffers take
        if (i % 2 == 0) {
          held.add(session.executeAsync(big().setTimeout(Duration.ofSeconds(60))));
        } else {
          givenUp.add(session.executeAsync(big().setTimeout(Duration.ofSeconds(1))));
        }
      }
      await(() -> session.pool(hosts.host(0)).inFlight() == STREAM_IDS, "every stream id of A is taken");

      // Beyond the stream ids: the caller waits for an id until its timeout, then fails.
      List<ResponseFuture> beyond = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        beyond.add(session.executeAsync(big().setTimeout(Duration.ofMillis(500))));
      }
      // Meanwhile B, on another connection, keeps its pace.
      Duration duringStall = timeOnB(session, 200);
      for (ResponseFuture future : beyond) {
        assertThat(failure(future)).isInstanceOf(BusyPoolException.class);
      }
      assertThat(session.pool(hosts.host(0)).inFlight()).as("bounded by stream ids").isEqualTo(STREAM_IDS);
      assertThat(a.bytesUpstream()).as("nothing gets through the stall").isEqualTo(forwardedBefore);
      for (ResponseFuture future : givenUp) {
        assertThat(failure(future)).isInstanceOf(OperationTimedOutException.class);
      }
      assertThat(session.pool(hosts.host(0)).inFlight()).as("orphans keep their ids").isEqualTo(STREAM_IDS);
      assertThat(held).noneMatch(ResponseFuture::isDone);
      while (System.nanoTime() - stalled < Duration.ofMillis(1500).toNanos()) {
        Thread.sleep(50); // a stall long enough to tell a blocked write from a slow one
      }

      a.upstream().resume();
      for (ResponseFuture future : held) {
        assertThat(future.get(60, TimeUnit.SECONDS).one()).as("no row has that value").isNull();
      }
      // Orphans end as their late answer arrives, or unsent when the writer reaches them.
      await(() -> session.pool(hosts.host(0)).inFlight() == 0, "A's stream ids are all free again");
      System.out.printf("C14: 200 requests on B took %d ms before the stall and %d ms during it%n",
          baseline.toMillis(), duringStall.toMillis());
      assertThat(duringStall).isLessThanOrEqualTo(baseline.multipliedBy(2).plusMillis(500));
      assertThat(a.acceptedConnections()).as("the same connection carried on").isEqualTo(1);
      assertThat(session.execute(onA("SELECT v FROM " + KEYSPACE + ".kv WHERE k = 0")).one().getString(0))
          .isEqualTo("small");
      jfr.stop(); // returns once every event recorded so far is consumed
    }
    // The writer's write blocked for the stall, on a virtual thread that kept no carrier pinned.
    List<RecordedEvent> writerBlocked = slowWrites.stream().filter(HalfOpenWritesIT::inTheWriter).toList();
    assertThat(writerBlocked).as("a socket write of A's writer blocked through the stall").isNotEmpty();
    for (RecordedEvent event : writerBlocked) {
      assertThat(event.getThread().isVirtual()).isTrue();
      System.out.printf("C14: the writer (%s) blocked %d ms in one socket write%n",
          event.getThread().getJavaName(), event.getDuration().toMillis());
    }
    // Other pins (a call site's first run loading a class, for microseconds) are PinningIT's business.
    assertThat(pins).as("pins of the writer").noneMatch(HalfOpenWritesIT::inTheWriter);
  }

  private static SimpleStatement onA(String cql) {
    return SimpleStatement.newInstance(ON_A + cql);
  }

  /** A read that carries 1 MiB to the node and finds nothing. */
  private static SimpleStatement big() {
    return SimpleStatement.newInstance(ON_A + "SELECT k FROM " + KEYSPACE + ".kv WHERE k = 0 AND v = ? ALLOW FILTERING",
        BIG).setIdempotent(true);
  }

  private static Duration timeOnB(Session session, int requests) {
    long start = System.nanoTime();
    for (int i = 0; i < requests; i++) {
      assertThat(session.execute("SELECT v FROM " + KEYSPACE + ".kv WHERE k = 0").one().getString(0))
          .isEqualTo("small");
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }

  private static boolean inTheWriter(RecordedEvent event) {
    if (event.getStackTrace() == null) {
      return false;
    }
    for (RecordedFrame frame : event.getStackTrace().getFrames()) {
      if (frame.getMethod().getType().getName().equals("io.loomcql.internal.connection.FrameWriter")) {
        return true;
      }
    }
    return false;
  }

  private static Throwable failure(ResponseFuture future) throws Exception {
    try {
      future.get(10, TimeUnit.SECONDS);
      throw new AssertionError("succeeded through a stall");
    } catch (ExecutionException e) {
      return e.getCause();
    }
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      Thread.sleep(10);
    }
  }
}
