package io.loomcql.metadata;

import java.util.Map;
import java.util.Optional;

/** A table: its columns, primary key, options and secondary indexes. Immutable. */
public interface TableMetadata extends RelationMetadata {
  /** {@return its secondary indexes (custom and SAI ones included) by name, in name order} */
  Map<String, IndexMetadata> indexes();

  /**
   * The index with exactly that name, if this table has it.
   *
   * @param name the index's name as stored: case-sensitive, not quoted
   * @return the index, or empty
   */
  Optional<IndexMetadata> index(String name);

  /** {@return true for a counter table (its regular columns are counters)} */
  boolean isCounter();

  /**
   * {@code CREATE TABLE} followed by one {@code CREATE INDEX} per index of the table.
   *
   * @return the statements, separated by blank lines
   */
  @Override
  String describe();
}
