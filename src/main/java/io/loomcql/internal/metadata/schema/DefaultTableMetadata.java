package io.loomcql.internal.metadata.schema;

import io.loomcql.metadata.ColumnMetadata;
import io.loomcql.metadata.IndexMetadata;
import io.loomcql.metadata.TableMetadata;
import io.loomcql.type.DataType;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** A table as read from {@code system_schema.tables}, {@code columns} and {@code indexes}. */
public record DefaultTableMetadata(
    String keyspace, String name, UUID id, List<ColumnMetadata> columns, Map<String, Object> options,
    Map<String, IndexMetadata> indexes, boolean isCounter)
    implements TableMetadata {

  public DefaultTableMetadata {
    Objects.requireNonNull(keyspace, "keyspace");
    Objects.requireNonNull(name, "name");
    columns = DefaultColumnMetadata.inCqlOrder(columns);
    options = NameOrder.copy(options);
    indexes = NameOrder.copy(indexes);
  }

  @Override
  public Optional<IndexMetadata> index(String indexName) {
    return Optional.ofNullable(indexes.get(indexName));
  }

  @Override
  public String describe() {
    return String.join("\n\n", CreateStatements.tableWithIndexes(this));
  }

  DefaultTableMetadata withTypes(UnaryOperator<DataType> change) {
    List<ColumnMetadata> changed =
        columns.stream().map(c -> (ColumnMetadata) ((DefaultColumnMetadata) c).withType(change)).toList();
    return new DefaultTableMetadata(keyspace, name, id, changed, options, indexes, isCounter);
  }
}
