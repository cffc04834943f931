/** The driver's view of the cluster: nodes, events, schema and token ownership. */
package io.loomcql.internal.metadata;
