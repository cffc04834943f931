package io.loomcql.internal.session;

import io.loomcql.Metrics;
import io.loomcql.MetricsSnapshot;
import io.loomcql.Session;
import io.loomcql.internal.metrics.MetricsMBean;
import io.loomcql.internal.metrics.RequestCounters;
import io.loomcql.internal.metrics.SessionMetrics;
import io.loomcql.metadata.Host;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * A cluster's metrics: the counters of each of its sessions, added up on demand, with the pools'
 * connections and traffic. Keeps the sessions' resources, never the sessions, so that a dropped
 * session can still be cleaned up. Thread-safe.
 */
public final class DriverMetrics implements Metrics {
  private static final AtomicInteger IDS = new AtomicInteger();

  private record Registered(SessionResources resources, SessionMetrics metrics, SessionPools pools) {}

  private final List<Registered> sessions = new CopyOnWriteArrayList<>();
  private final String jmxPrefix = "io.loomcql:type=Metrics,cluster=" + IDS.incrementAndGet();
  private final Set<ObjectName> registered = ConcurrentHashMap.newKeySet();

  public DriverMetrics() {
    register(jmxPrefix + ",scope=total", this::total);
  }

  /** New counters for a session; {@link #attach} links them to its pools once it exists. */
  SessionMetrics newSession() {
    return new SessionMetrics(host -> register(jmxPrefix + ",scope=host,host=" + ObjectName.quote(
        host.address().getAddress().getHostAddress() + ":" + host.address().getPort()), () -> host(host)));
  }

  void attach(SessionResources resources, SessionMetrics metrics, SessionPools pools) {
    sessions.add(new Registered(resources, metrics, pools));
  }

  private void register(String name, java.util.function.Supplier<MetricsSnapshot> source) {
    try {
      ObjectName objectName = new ObjectName(name);
      if (registered.add(objectName) && !MetricsMBean.register(objectName, source)) {
        registered.remove(objectName);
      }
    } catch (MalformedObjectNameException e) {
      throw new IllegalStateException("bad metrics MBean name " + name, e);
    }
  }

  /** Takes the MBeans down (the cluster closed). */
  public void close() {
    registered.forEach(MetricsMBean::unregister);
    registered.clear();
  }

  @Override
  public MetricsSnapshot total() {
    RequestCounters.Sum sum = new RequestCounters.Sum();
    long[] connections = new long[3];
    for (Registered session : sessions) {
      session.metrics().requests().addTo(sum);
      for (SessionPools.Entry entry : session.pools().entries()) {
        addPool(entry, connections);
      }
    }
    return sum.snapshot(connections[0], connections[1], connections[2]);
  }

  @Override
  public MetricsSnapshot session(Session session) {
    if (session instanceof DefaultSession known) {
      for (Registered registered : sessions) {
        if (registered.resources() == known.resources()) {
          RequestCounters.Sum sum = new RequestCounters.Sum();
          registered.metrics().requests().addTo(sum);
          long[] connections = new long[3];
          registered.pools().entries().forEach(entry -> addPool(entry, connections));
          return sum.snapshot(connections[0], connections[1], connections[2]);
        }
      }
    }
    throw new IllegalArgumentException(session + " is not a session of this cluster");
  }

  @Override
  public MetricsSnapshot host(Host host) {
    RequestCounters.Sum sum = new RequestCounters.Sum();
    long[] connections = new long[3];
    for (Registered session : sessions) {
      RequestCounters counters = session.metrics().byHost().get(host);
      if (counters != null) {
        counters.addTo(sum);
      }
      SessionPools.Entry entry = session.pools().entry(host);
      if (entry != null) {
        addPool(entry, connections);
        sum.addInFlight(entry.pool().inFlight());
      }
    }
    return sum.snapshot(connections[0], connections[1], connections[2]);
  }

  @Override
  public Map<Host, MetricsSnapshot> hosts() {
    Set<Host> hosts = new LinkedHashSet<>();
    for (Registered session : sessions) {
      hosts.addAll(session.metrics().byHost().keySet());
      session.pools().entries().forEach(entry -> hosts.add(entry.host()));
    }
    Map<Host, MetricsSnapshot> result = new LinkedHashMap<>();
    hosts.forEach(host -> result.put(host, host(host)));
    return result;
  }

  private static void addPool(SessionPools.Entry entry, long[] connections) {
    connections[0] += entry.pool().openCount();
    long[] traffic = entry.pool().traffic();
    connections[1] += traffic[0];
    connections[2] += traffic[1];
  }
}
