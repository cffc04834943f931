package io.loomcql.internal.request;

import io.loomcql.metadata.Host;
import io.loomcql.policy.HostFilterPolicy;
import io.loomcql.policy.LoadBalancingPolicy;
import io.loomcql.policy.TokenAwarePolicy;

/**
 * Whether a load balancing policy reads the latency of attempts. Timing an attempt costs a clock
 * read, and a profile at 1,024 requests in flight found clock reads at a tenth of the client's
 * CPU: the session times attempts only when the policy, the metrics or a request tracker uses the
 * figure. A policy reads it if it overrides {@link LoadBalancingPolicy#onRequestCompleted}, except
 * the built-in wrappers that only pass it on: for those, their child decides.
 */
public final class AttemptLatency {
  private AttemptLatency() {}

  /** {@return whether {@code policy} (or a policy it wraps) does anything with attempt latencies} */
  public static boolean readBy(LoadBalancingPolicy policy) {
    return switch (policy) {
      case TokenAwarePolicy tokenAware -> readBy(tokenAware.child());
      case HostFilterPolicy filter -> readBy(filter.child());
      default -> overridesOnRequestCompleted(policy.getClass());
    };
  }

  private static boolean overridesOnRequestCompleted(Class<?> type) {
    try {
      return type.getMethod("onRequestCompleted", Host.class, long.class, Throwable.class).getDeclaringClass()
          != LoadBalancingPolicy.class;
    } catch (NoSuchMethodException e) {
      throw new AssertionError("LoadBalancingPolicy.onRequestCompleted is public", e);
    }
  }
}
