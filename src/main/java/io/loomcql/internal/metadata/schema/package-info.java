/**
 * Schema metadata: reads {@code system_schema} through a {@link
 * io.loomcql.internal.metadata.schema.SchemaSource}, turns the rows into immutable keyspace, table,
 * view, index, type, function and aggregate objects, applies targeted refreshes for SCHEMA_CHANGE
 * events, and exports the schema back to CQL. Pure: no sockets, no threads; the control connection
 * supplies the rows.
 */
package io.loomcql.internal.metadata.schema;
