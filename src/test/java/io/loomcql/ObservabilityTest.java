package io.loomcql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loomcql.internal.protocol.ErrorCodes;
import io.loomcql.internal.protocol.ErrorDetails;
import io.loomcql.internal.protocol.ErrorResponse;
import io.loomcql.metadata.Host;
import io.loomcql.testkit.FakeNode;
import io.loomcql.testkit.logging.LogCapture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;

/** Request trackers, the slow-query logger and the JFR events, against fake nodes. */
class ObservabilityTest {
  private static final ErrorResponse SYNTAX =
      new ErrorResponse(ErrorCodes.SYNTAX_ERROR, "no viable alternative", ErrorDetails.None.INSTANCE);

  private static void answer(FakeNode node) {
    node.behavior((query, request, peer) -> {
      if (query.query().startsWith("bad")) {
        peer.reply(request, SYNTAX);
      } else if (query.query().startsWith("slow")) {
        peer.replyLater(request, FakeNode.textRow(query.query()), 100);
      } else {
        FakeNode.echo(query, request, peer);
      }
    });
  }

  @Test
  void should_tell_the_tracker_about_every_request_and_attempt() throws Exception {
    Queue<String> heard = new ConcurrentLinkedQueue<>();
    RequestTracker tracker = new RequestTracker() {
      @Override
      public void onSuccess(Statement<?> statement, long latencyNanos, ExecutionInfo info) {
        heard.add("success " + statement + " on " + info.coordinator().address().getPort());
      }

      @Override
      public void onError(Statement<?> statement, long latencyNanos, Throwable error) {
        heard.add("error " + statement + " " + error.getClass().getSimpleName());
      }

      @Override
      public void onAttempt(Statement<?> statement, Host host, long latencyNanos, Throwable error) {
        heard.add("attempt " + statement + " " + (error == null ? "ok" : error.getClass().getSimpleName()));
      }
    };
    try (FakeNode node = new FakeNode()) {
      answer(node);
      try (Cluster cluster = Cluster.builder().addContactPoints(node.address()).withRequestTracker(tracker).build();
          Session session = cluster.connect()) {
        session.execute("good");
        assertThatThrownBy(() -> session.execute("bad")).isInstanceOf(io.loomcql.error.SyntaxError.class);
      }
      assertThat(heard).containsExactly(
          "attempt SimpleStatement[good] ok",
          "success SimpleStatement[good] on " + node.address().getPort(),
          "attempt SimpleStatement[bad] SyntaxError",
          "error SimpleStatement[bad] SyntaxError");
    }
  }

  @Test
  void should_log_slow_queries_without_their_values_unless_asked() throws Exception {
    try (FakeNode node = new FakeNode(); LogCapture log = LogCapture.start()) {
      answer(node);
      try (Cluster quiet = Cluster.builder().addContactPoints(node.address())
              .withRequestTracker(SlowQueryLogger.builder(Duration.ofMillis(50)).withErrors(true).build()).build();
          Session session = quiet.connect()) {
        session.execute(SimpleStatement.newInstance("fast ?", "fast-secret"));
        session.execute(SimpleStatement.newInstance("slow ?", "s3cr3t-value"));
        assertThatThrownBy(() -> session.execute(SimpleStatement.newInstance("bad ?", "another-s3cr3t")))
            .isInstanceOf(io.loomcql.error.SyntaxError.class);
      }
      List<String> lines = new ArrayList<>(log.lines());
      assertThat(lines).anyMatch(line -> line.startsWith("WARN") && line.contains("Slow query") && line.contains("slow ?"));
      assertThat(lines).noneMatch(line -> line.contains("Slow query") && line.contains("fast ?"));
      assertThat(lines).anyMatch(line -> line.contains("Failed query") && line.contains("SyntaxError"));
      assertThat(lines).noneMatch(line -> line.contains("s3cr3t") || line.contains("fast-secret"));

      try (Cluster verbose = Cluster.builder().addContactPoints(node.address())
              .withRequestTracker(SlowQueryLogger.builder(Duration.ZERO).withValues(true).build()).build();
          Session session = verbose.connect()) {
        session.execute(SimpleStatement.newInstance("shown ?", "visible-value"));
      }
      assertThat(log.lines()).anyMatch(line -> line.contains("shown ?") && line.contains("visible-value"));
    }
  }

  @Test
  void should_record_requests_connections_nodes_schema_and_saturation_in_jfr() throws Exception {
    Path file = Files.createTempFile("loomcql", ".jfr");
    List<FakeNode> nodes = FakeNode.cluster(2);
    try (Recording recording = new Recording()) {
      for (String event : List.of("io.loomcql.Request", "io.loomcql.Connection", "io.loomcql.NodeState",
          "io.loomcql.SchemaRefresh", "io.loomcql.PoolSaturation")) {
        recording.enable(event).withThreshold(Duration.ZERO);
      }
      recording.start();
      nodes.forEach(ObservabilityTest::answer);
      try (Cluster cluster = Cluster.builder()
              .addContactPoints(nodes.get(0).address())
              .withMaxRequestsPerConnection(1)
              .withConnectionsPerHost(1)
              .build();
          Session session = cluster.connect()) {
        session.execute("good");
        assertThatThrownBy(() -> session.execute("bad")).isInstanceOf(io.loomcql.error.SyntaxError.class);
        List<CompletableFuture<ResultSet>> slow = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
          slow.add(session.executeAsync("slow " + i)); // one stream id per node: the others wait
        }
        CompletableFuture.allOf(slow.toArray(CompletableFuture[]::new)).get();
        java.net.InetSocketAddress second = nodes.get(1).address();
        nodes.get(1).close();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (session.hosts().stream().anyMatch(h -> h.address().equals(second) && h.isUp())
            && System.nanoTime() < deadline) {
          Thread.sleep(10);
        }
      }
      recording.stop();
      recording.dump(file);
    } finally {
      for (FakeNode node : nodes) {
        node.close();
      }
    }
    List<RecordedEvent> events = RecordingFile.readAllEvents(file);
    Files.delete(file);
    List<RecordedEvent> requests = named(events, "io.loomcql.Request");
    assertThat(requests).anySatisfy(e -> {
      assertThat(e.getString("query")).isEqualTo("good");
      assertThat(e.getString("statementKind")).isEqualTo("SimpleStatement");
      assertThat(e.getString("coordinator")).isNotBlank();
      assertThat(e.getInt("attempts")).isEqualTo(1);
    });
    assertThat(requests).anySatisfy(e -> assertThat(e.getString("error")).isEqualTo("SyntaxError"));
    assertThat(requests).filteredOn(e -> e.getString("query").startsWith("slow")).hasSize(6)
        .allSatisfy(e -> assertThat(e.getDuration()).isGreaterThanOrEqualTo(Duration.ofMillis(90)));
    List<RecordedEvent> connections = named(events, "io.loomcql.Connection");
    assertThat(connections).anySatisfy(e -> assertThat(e.getString("state")).isEqualTo("opened"));
    assertThat(connections).anySatisfy(e -> assertThat(e.getString("state")).isIn("closed", "defunct"));
    assertThat(named(events, "io.loomcql.NodeState")).anySatisfy(e -> assertThat(e.getBoolean("up")).isFalse());
    assertThat(named(events, "io.loomcql.SchemaRefresh")).anySatisfy(e -> assertThat(e.getString("scope")).isEqualTo("full"));
    assertThat(named(events, "io.loomcql.PoolSaturation")).anySatisfy(e -> assertThat(e.getBoolean("acquired")).isTrue());
  }

  @Test
  void should_leave_the_per_request_events_out_of_a_recording_that_does_not_name_them() throws Exception {
    Path file = Files.createTempFile("loomcql", ".jfr");
    try (Recording recording = new Recording(); FakeNode node = new FakeNode()) {
      recording.start(); // no settings: every event that is on by default
      try (Cluster cluster = Cluster.builder().addContactPoints(node.address()).build();
          Session session = cluster.connect()) {
        session.execute("one");
      }
      recording.stop();
      recording.dump(file);
    }
    List<RecordedEvent> events = RecordingFile.readAllEvents(file);
    Files.delete(file);
    assertThat(named(events, "io.loomcql.Request")).isEmpty();
    assertThat(named(events, "io.loomcql.Connection")).isNotEmpty();
  }

  private static List<RecordedEvent> named(List<RecordedEvent> events, String name) {
    return events.stream().filter(e -> e.getEventType().getName().equals(name)).toList();
  }
}
