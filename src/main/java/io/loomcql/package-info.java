/**
 * The driver's entry points: {@link io.loomcql.Cluster} (configuration, sessions),
 * {@link io.loomcql.Session} (execution), statements and results.
 */
package io.loomcql;
