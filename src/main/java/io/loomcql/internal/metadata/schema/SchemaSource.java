package io.loomcql.internal.metadata.schema;

import io.loomcql.Row;
import java.util.List;

/**
 * Runs one {@code SELECT} on {@code system_schema} and returns every row (all pages). The control
 * connection implements it; tests use {@code cql -> session.execute(cql).all()}.
 */
@FunctionalInterface
public interface SchemaSource {
  List<Row> query(String cql);
}
