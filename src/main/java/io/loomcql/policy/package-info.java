/**
 * Policies: plain interfaces that run inline on the driver's own threads or on the request's
 * thread. Today: reconnection schedules; load balancing, retries and speculative executions come
 * with request execution.
 */
package io.loomcql.policy;
