/** What the driver knows of the cluster: its nodes and, later, schema and token ownership. */
package io.loomcql.metadata;
