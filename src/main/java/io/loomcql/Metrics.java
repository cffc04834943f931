package io.loomcql;

import io.loomcql.metadata.Host;
import java.util.Map;

/**
 * The live request metrics of a cluster built with {@code withMetrics(true)}, from
 * {@link Cluster#metrics()}. Each call takes a fresh snapshot; recording never waits for one. The
 * same numbers are published as JMX MBeans named {@code io.loomcql:type=Metrics,cluster=<id>,...}.
 */
public interface Metrics {
  /** Every session of the cluster together. */
  MetricsSnapshot total();

  /** One session's requests (closed sessions keep their last numbers until the cluster closes). */
  MetricsSnapshot session(Session session);

  /** The attempts every session sent to {@code host}, and the connections to it. */
  MetricsSnapshot host(Host host);

  /** {@link #host} for every node that got a request or has a connection. */
  Map<Host, MetricsSnapshot> hosts();
}
