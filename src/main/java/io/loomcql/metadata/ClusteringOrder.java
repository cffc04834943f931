package io.loomcql.metadata;

/** The order of a clustering column within its partition, as {@code CLUSTERING ORDER BY} declares it. */
public enum ClusteringOrder {
  /** Ascending, the default. */
  ASC,
  /** Descending. */
  DESC
}
