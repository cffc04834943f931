package io.loomcql.metadata;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** What tables and materialized views have in common: columns, primary key, options. Immutable. */
public interface RelationMetadata {
  /** {@return the keyspace holding it (name as stored, never quoted)} */
  String keyspace();

  /** {@return its name as stored: case-sensitive, never quoted} */
  String name();

  /** {@return its id (the {@code id} column of {@code system_schema.tables} or {@code views})} */
  UUID id();

  /**
   * Every column in CQL order: partition key, clustering columns, then static and regular by name.
   *
   * @return the columns; unmodifiable
   */
  List<ColumnMetadata> columns();

  /**
   * The column with exactly that name, if any.
   *
   * @param name the column's name as stored: case-sensitive, not quoted
   * @return the column, or empty if there is none of that name
   */
  default Optional<ColumnMetadata> column(String name) {
    return columns().stream().filter(c -> c.name().equals(name)).findFirst();
  }

  /** {@return the partition key columns, in key order; a new unmodifiable list} */
  default List<ColumnMetadata> partitionKey() {
    return columns().stream().filter(c -> c.kind() == ColumnMetadata.Kind.PARTITION_KEY).toList();
  }

  /** {@return the clustering columns, in clustering order; empty if there are none} */
  default List<ColumnMetadata> clusteringColumns() {
    return columns().stream().filter(c -> c.kind() == ColumnMetadata.Kind.CLUSTERING).toList();
  }

  /**
   * The order of each clustering column, keyed by column name, iterating in clustering order.
   *
   * @return the orders; unmodifiable, empty if there is no clustering column
   */
  default Map<String, ClusteringOrder> clusteringOrder() {
    Map<String, ClusteringOrder> order = new LinkedHashMap<>();
    for (ColumnMetadata column : clusteringColumns()) {
      order.put(column.name(), column.clusteringOrder().orElse(ClusteringOrder.ASC));
    }
    return Collections.unmodifiableMap(order);
  }

  /**
   * Its options as the server stores them, keyed by option name (for example {@code comment} as a
   * String, {@code default_time_to_live} as an Integer, {@code compaction} as a {@code
   * Map<String, String>}); options the server left null are absent.
   *
   * @return the options; unmodifiable
   */
  Map<String, Object> options();

  /**
   * CQL that recreates it: fully qualified names, each statement ending in {@code ;}, executable in
   * the order given.
   *
   * @return the CQL
   */
  String describe();
}
