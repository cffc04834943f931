package io.loomcql.metadata;

import java.util.Map;
import java.util.Optional;

/** A table: its columns, primary key, options and secondary indexes. Immutable. */
public interface TableMetadata extends RelationMetadata {
  /** Its secondary indexes (including custom and SAI ones) by name, iterating in name order. */
  Map<String, IndexMetadata> indexes();

  /** The index with exactly that name, if this table has it. */
  Optional<IndexMetadata> index(String name);

  /** True for a counter table (its regular columns are counters). */
  boolean isCounter();

  /** {@code CREATE TABLE} followed by one {@code CREATE INDEX} per index of the table. */
  @Override
  String describe();
}
