package io.loomcql.internal.metadata.schema;

import io.loomcql.metadata.ClusteringOrder;
import io.loomcql.metadata.ColumnMetadata;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The column views a table and a materialized view share, from their columns in CQL order. */
final class RelationColumns {
  private RelationColumns() {}

  static List<ColumnMetadata> inCqlOrder(List<? extends ColumnMetadata> columns) {
    return columns.stream().sorted(DefaultColumnMetadata.CQL_ORDER).map(c -> (ColumnMetadata) c).toList();
  }

  static Optional<ColumnMetadata> named(List<ColumnMetadata> columns, String name) {
    return columns.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  static List<ColumnMetadata> ofKind(List<ColumnMetadata> columns, ColumnMetadata.Kind kind) {
    return columns.stream().filter(c -> c.kind() == kind).toList();
  }

  static Map<String, ClusteringOrder> clusteringOrder(List<ColumnMetadata> columns) {
    Map<String, ClusteringOrder> order = new LinkedHashMap<>();
    for (ColumnMetadata column : ofKind(columns, ColumnMetadata.Kind.CLUSTERING)) {
      order.put(column.name(), column.clusteringOrder().orElse(ClusteringOrder.ASC));
    }
    return Collections.unmodifiableMap(order);
  }
}
