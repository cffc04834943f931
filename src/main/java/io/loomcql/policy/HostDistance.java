package io.loomcql.policy;

/**
 * How far a node is from this client, as a {@link LoadBalancingPolicy} sees it (the reference
 * drivers' host distance). Sessions keep connections only to nodes that are not {@link #IGNORED}.
 */
public enum HostDistance {
  /** In the local datacenter: used first. */
  LOCAL,
  /** In another datacenter: used only when the policy allows it, after the local nodes. */
  REMOTE,
  /** Never used: no pool, never in a query plan. */
  IGNORED
}
