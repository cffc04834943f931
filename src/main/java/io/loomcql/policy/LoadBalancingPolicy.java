package io.loomcql.policy;

import io.loomcql.Statement;
import io.loomcql.metadata.Host;
import io.loomcql.metadata.Metadata;
import java.util.Collection;
import java.util.Iterator;

/**
 * Chooses which nodes a request tries, in order. Runs inline on the request's thread for every
 * request, so {@link #newQueryPlan} must be cheap and must not block; a plan is consumed lazily
 * by one thread and may stop early. One instance serves one cluster (all its sessions).
 *
 * <p>A plain lambda is a policy: {@code (keyspace, statement) -> myHosts.iterator()}.
 */
@FunctionalInterface
public interface LoadBalancingPolicy {
  /**
   * Called once, when the cluster first connects, before any plan is asked for.
   *
   * @param metadata the cluster's live metadata (nodes, token map)
   * @param contactPoints the nodes that were given as contact points and are known
   */
  default void init(Metadata metadata, Collection<Host> contactPoints) {}

  /**
   * How far {@code host} is; {@link HostDistance#IGNORED} nodes get no connections.
   *
   * @param host a node of the cluster
   * @return its distance; {@link HostDistance#LOCAL} by default
   */
  default HostDistance distance(Host host) {
    return HostDistance.LOCAL;
  }

  /**
   * The nodes to try for one request, best first. Nodes believed down may come last (their pools
   * fail fast while they reconnect) or be left out.
   *
   * @param keyspace the keyspace the request works in (the statement's, the prepared statement's
   *     or the session's), or null
   * @param statement the statement, or null when preparing
   * @return the nodes, read lazily by one thread; may be empty (the request then fails with
   *     {@link io.loomcql.error.NoHostAvailableException})
   */
  Iterator<Host> newQueryPlan(String keyspace, Statement<?> statement);

  /**
   * A node joined (discovered, or added by hand). Does nothing by default.
   *
   * @param host the new node
   */
  default void onAdd(Host host) {}

  /**
   * A node left, or moved to another address (the old host is removed, a new one added). Does
   * nothing by default.
   *
   * @param host the node that left
   */
  default void onRemove(Host host) {}

  /**
   * One attempt of a request finished on {@code coordinator}: the session calls this after every
   * attempt (retries and speculative executions included), so that a policy can learn how nodes
   * behave, as {@link LatencyAwarePolicy} does. It runs inline on the request's thread, on the
   * request's latency path: keep it cheap, never block, never throw.
   *
   * @param coordinator the node the attempt was sent to
   * @param latencyNanos from sending the request to its answer or failure, in nanoseconds
   * @param error null if the node answered with a result; otherwise the error the node answered
   *     with (a {@link io.loomcql.error.CoordinatorException}) or why there was no answer (a
   *     connection failure, a client-side timeout)
   */
  default void onRequestCompleted(Host coordinator, long latencyNanos, Throwable error) {}
}
