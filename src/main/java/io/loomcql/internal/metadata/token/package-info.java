/**
 * The token map: partitioners (how a partition key becomes a {@link io.loomcql.metadata.Token}),
 * the sorted ring of node tokens, and replication strategies (which nodes hold a token's replicas).
 * Pure computation over {@link io.loomcql.metadata.Host} values: no I/O, no threads. The control
 * connection builds a {@link io.loomcql.internal.metadata.token.DefaultTokenMap} from what it read
 * of {@code system.local}, {@code system.peers} and {@code system_schema.keyspaces}; request
 * routing reads it.
 */
package io.loomcql.internal.metadata.token;
