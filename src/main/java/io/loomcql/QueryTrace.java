package io.loomcql;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the server recorded about one traced request (from {@code system_traces.sessions} and
 * {@code system_traces.events}).
 *
 * @param sessionId the trace's id (the request's tracing id)
 * @param requestType what ran, as the server names it ("Execute CQL3 query", ...)
 * @param coordinator the node that coordinated the request
 * @param client the client address the coordinator saw, or null
 * @param duration how long the coordinator worked on it
 * @param startedAt when the coordinator started
 * @param parameters the request's parameters as the server recorded them (query text,
 *     consistency, page size, ...)
 * @param events what each node did, in the order the server recorded it
 */
public record QueryTrace(
    UUID sessionId,
    String requestType,
    InetAddress coordinator,
    InetAddress client,
    Duration duration,
    Instant startedAt,
    Map<String, String> parameters,
    List<Event> events) {
  /**
   * Copies the parameters and events.
   *
   * @param sessionId the trace's id
   * @param requestType what ran, as the server names it
   * @param coordinator the node that coordinated the request
   * @param client the client address the coordinator saw, or null
   * @param duration how long the coordinator worked on it
   * @param startedAt when the coordinator started
   * @param parameters the request's parameters as the server recorded them; copied
   * @param events what each node did; copied
   * @throws NullPointerException if {@code parameters} or {@code events} is null or holds a null
   */
  public QueryTrace {
    parameters = Map.copyOf(parameters);
    events = List.copyOf(events);
  }

  /**
   * One step of a traced request.
   *
   * @param description what happened
   * @param timestamp when, from the event's time-based id
   * @param source the node it happened on
   * @param sourceElapsed time since that node started on the request
   * @param threadName the server thread that did it
   */
  public record Event(String description, Instant timestamp, InetAddress source, Duration sourceElapsed,
      String threadName) {}
}
