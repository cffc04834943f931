/** The driver's view of the cluster: nodes (and, later, schema and token ownership). */
package io.loomcql.internal.metadata;
