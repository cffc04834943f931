package io.loomcql.internal.metrics;

import io.loomcql.metadata.Host;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One session's counters: its requests as a whole, and the attempts it sent to each node.
 * Thread-safe; recorded on the requests' own threads.
 */
public final class SessionMetrics {
  private final RequestCounters requests = new RequestCounters();
  private final ConcurrentHashMap<Host, RequestCounters> byHost = new ConcurrentHashMap<>();
  private final java.util.function.Consumer<Host> newHost;

  /** @param newHost told, once, of each node this session sends its first attempt to */
  public SessionMetrics(java.util.function.Consumer<Host> newHost) {
    this.newHost = newHost;
  }

  public RequestCounters requests() {
    return requests;
  }

  /** One attempt on {@code host} ended. */
  public void attempt(Host host, long latencyNanos, Throwable error) {
    RequestCounters counters = byHost.get(host);
    if (counters == null) {
      counters = byHost.computeIfAbsent(host, h -> new RequestCounters());
      newHost.accept(host);
    }
    counters.finishedAttempt(latencyNanos, error);
  }

  public Map<Host, RequestCounters> byHost() {
    return byHost;
  }
}
