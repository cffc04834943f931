package io.loomcql.internal.session;

import io.loomcql.ConsistencyLevel;
import io.loomcql.QueryTrace;
import io.loomcql.Row;
import io.loomcql.Session;
import io.loomcql.SimpleStatement;
import io.loomcql.error.DriverException;
import io.loomcql.error.TraceUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads a trace back from {@code system_traces}. The coordinator writes the session row's
 * duration last, and asynchronously, so a trace read right after the request may be incomplete:
 * poll, with growing pauses, until the duration is there or the wait is over.
 */
final class QueryTraces {
  private static final String SESSION = "SELECT * FROM system_traces.sessions WHERE session_id = ?";
  private static final String EVENTS = "SELECT * FROM system_traces.events WHERE session_id = ?";
  /** Between the time-based UUID epoch (1582-10-15) and the Unix epoch, in 100 ns units. */
  private static final long UUID_EPOCH_OFFSET = 0x01B21DD213814000L;

  private QueryTraces() {}

  static QueryTrace fetch(Session session, UUID id, Duration maxWait) {
    long deadline = System.nanoTime() + maxWait.toNanos();
    long pauseMillis = 2;
    while (true) {
      Row row = session.execute(read(SESSION, id)).one();
      if (row != null && !row.isNull("duration")) {
        return trace(id, row, events(session, id));
      }
      if (System.nanoTime() + pauseMillis * 1_000_000 - deadline > 0) {
        throw new TraceUnavailableException(id, row == null
            ? "the trace session row did not appear within " + maxWait
            : "the coordinator had not finished writing the trace within " + maxWait);
      }
      try {
        Thread.sleep(pauseMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new DriverException("interrupted while waiting for trace " + id);
      }
      pauseMillis = Math.min(pauseMillis * 2, 250);
    }
  }

  private static SimpleStatement read(String cql, UUID id) {
    return SimpleStatement.newInstance(cql, id).setConsistencyLevel(ConsistencyLevel.ONE).setIdempotent(true);
  }

  private static List<QueryTrace.Event> events(Session session, UUID id) {
    List<QueryTrace.Event> events = new ArrayList<>();
    for (Row row : session.execute(read(EVENTS, id))) {
      events.add(new QueryTrace.Event(
          row.getString("activity"),
          instantOf(row.getUuid("event_id")),
          row.getInetAddress("source"),
          Duration.ofNanos(row.getInt("source_elapsed") * 1_000L),
          row.getString("thread")));
    }
    return events;
  }

  private static QueryTrace trace(UUID id, Row row, List<QueryTrace.Event> events) {
    Map<String, String> parameters = row.isNull("parameters") ? Map.of() : row.getMap("parameters", String.class, String.class);
    return new QueryTrace(
        id,
        row.getString("request"),
        row.getInetAddress("coordinator"),
        row.isNull("client") ? null : row.getInetAddress("client"),
        Duration.ofNanos(row.getInt("duration") * 1_000L),
        row.getInstant("started_at"),
        parameters,
        events);
  }

  /** The time a version 1 (time-based) UUID was made. */
  static Instant instantOf(UUID timeBased) {
    long hundredsOfNanos = timeBased.timestamp() - UUID_EPOCH_OFFSET;
    return Instant.ofEpochSecond(hundredsOfNanos / 10_000_000, (hundredsOfNanos % 10_000_000) * 100);
  }
}
