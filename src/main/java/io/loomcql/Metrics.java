package io.loomcql;

import io.loomcql.metadata.Host;
import java.util.Map;

/**
 * The live request metrics of a cluster built with {@code withMetrics(true)}, from
 * {@link Cluster#metrics()}. Each call takes a fresh snapshot; recording never waits for one. The
 * same numbers are published as JMX MBeans named {@code io.loomcql:type=Metrics,cluster=<id>,...}.
 */
public interface Metrics {
  /** {@return the metrics of every session of the cluster together} */
  MetricsSnapshot total();

  /**
   * One session's requests (closed sessions keep their last numbers until the cluster closes).
   *
   * @param session a session of this cluster
   * @return its metrics
   * @throws IllegalArgumentException if the session is not one of this cluster
   */
  MetricsSnapshot session(Session session);

  /**
   * The attempts every session sent to {@code host}, and the connections to it.
   *
   * @param host a node
   * @return its metrics; all zero for a node that got no request and has no connection
   */
  MetricsSnapshot host(Host host);

  /** {@return {@link #host} for every node that got a request or has a connection} */
  Map<Host, MetricsSnapshot> hosts();
}
