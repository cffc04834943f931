package io.loomcql.internal.metadata.schema;

import io.loomcql.metadata.ClusteringOrder;
import io.loomcql.metadata.ColumnMetadata;
import io.loomcql.type.DataType;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** A column as read from {@code system_schema.columns}. */
public record DefaultColumnMetadata(
    String name, DataType type, Kind kind, int position, Optional<ClusteringOrder> clusteringOrder)
    implements ColumnMetadata {

  /**
   * CQL order: partition key, clustering columns (each by position), then static and regular
   * columns by name.
   */
  private static final Comparator<ColumnMetadata> CQL_ORDER = Comparator.comparing(ColumnMetadata::kind)
      .thenComparingInt(ColumnMetadata::position)
      .thenComparing(ColumnMetadata::name);

  public DefaultColumnMetadata {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(clusteringOrder, "clusteringOrder");
  }

  static List<ColumnMetadata> inCqlOrder(List<? extends ColumnMetadata> columns) {
    return columns.stream().sorted(CQL_ORDER).map(c -> (ColumnMetadata) c).toList();
  }

  DefaultColumnMetadata withType(UnaryOperator<DataType> change) {
    return new DefaultColumnMetadata(name, change.apply(type), kind, position, clusteringOrder);
  }
}
