/** What the driver knows of the cluster: its nodes, schema and token ownership. */
package io.loomcql.metadata;
