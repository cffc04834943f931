/**
 * Policies: plain interfaces that run inline on the driver's own threads or on the request's
 * thread. Load balancing ({@link io.loomcql.policy.LoadBalancingPolicy}: round robin, DC- and
 * rack-aware, and token-aware, host-filter and latency-aware wrappers that compose), retries
 * ({@link io.loomcql.policy.RetryPolicy}), speculative executions, request throttling, timestamp
 * generators, reconnection schedules, conviction, and address translation. A wrapper passes every callback on to the policy it wraps (a host filter only those about
 * nodes it accepts), so a stack of them hears what a single policy would.
 */
package io.loomcql.policy;
