package io.loomcql.metadata;

import io.loomcql.type.DataType;
import java.util.Optional;

/** One column of a table or materialized view. Immutable. */
public interface ColumnMetadata {

  /** The role of a column in its table. */
  enum Kind {
    /** Part of the partition key. */
    PARTITION_KEY,
    /** A clustering column. */
    CLUSTERING,
    /** A static column: one value per partition. */
    STATIC,
    /** Any other column. */
    REGULAR
  }

  /** {@return the column's name as stored: case-sensitive, never quoted} */
  String name();

  /** {@return the column's CQL type} */
  DataType type();

  /** {@return whether the column is part of the primary key, static or regular} */
  Kind kind();

  /**
   * The position within the partition key or the clustering columns.
   *
   * @return the position, from 0; -1 for static and regular columns
   */
  int position();

  /** {@return ASC or DESC for a clustering column; empty for every other kind} */
  Optional<ClusteringOrder> clusteringOrder();
}
