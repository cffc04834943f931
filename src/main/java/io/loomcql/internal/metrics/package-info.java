/**
 * Request metrics, kept only when the cluster was built with {@code withMetrics(true)}: counters
 * on {@link java.util.concurrent.atomic.LongAdder}s and a lock-free latency histogram, so that
 * recording never blocks a request.
 */
package io.loomcql.internal.metrics;
