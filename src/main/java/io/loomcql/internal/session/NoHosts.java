package io.loomcql.internal.session;

import io.loomcql.error.NoHostAvailableException;
import io.loomcql.metadata.Host;
import io.loomcql.policy.DcAwareRoundRobinPolicy;
import io.loomcql.policy.HostFilterPolicy;
import io.loomcql.policy.LatencyAwarePolicy;
import io.loomcql.policy.LoadBalancingPolicy;
import io.loomcql.policy.TokenAwarePolicy;
import java.util.Map;

/** Builds the error for a request no node took, with what an operator should check. */
final class NoHosts {
  private NoHosts() {}

  static NoHostAvailableException exception(String context, Map<Host, Throwable> errors, LoadBalancingPolicy policy) {
    String localDc = localDatacenter(policy);
    StringBuilder text = new StringBuilder(context);
    if (errors.isEmpty()) {
      text.append(": the query plan had no node with a pool (all down, left, or ignored by the load balancing policy)");
    }
    text.append("; load balancing: ").append(policy);
    if (localDc != null) {
      text.append(", local datacenter '").append(localDc).append('\'');
    }
    text.append(". Check that the nodes are up and reachable from this client");
    if (localDc != null) {
      text.append(" and that '").append(localDc).append("' is the datacenter the nodes report");
    }
    return new NoHostAvailableException(text.toString(), errors);
  }

  private static String localDatacenter(LoadBalancingPolicy policy) {
    LoadBalancingPolicy current = policy;
    while (true) {
      if (current instanceof TokenAwarePolicy wrapper) {
        current = wrapper.child();
      } else if (current instanceof HostFilterPolicy wrapper) {
        current = wrapper.child();
      } else if (current instanceof LatencyAwarePolicy wrapper) {
        current = wrapper.child();
      } else {
        break;
      }
    }
    return current instanceof DcAwareRoundRobinPolicy dcAware ? dcAware.localDc() : null;
  }
}
