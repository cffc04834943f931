package io.loomcql.internal.metadata.schema;

import io.loomcql.metadata.ColumnMetadata;
import io.loomcql.metadata.ViewMetadata;
import io.loomcql.type.DataType;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** A materialized view as read from {@code system_schema.views} and {@code columns}. */
public record DefaultViewMetadata(
    String keyspace, String name, UUID id, String baseTable, boolean includesAllColumns, String whereClause,
    List<ColumnMetadata> columns, Map<String, Object> options)
    implements ViewMetadata {

  public DefaultViewMetadata {
    Objects.requireNonNull(keyspace, "keyspace");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(baseTable, "baseTable");
    Objects.requireNonNull(whereClause, "whereClause");
    columns = DefaultColumnMetadata.inCqlOrder(columns);
    options = NameOrder.copy(options);
  }

  @Override
  public String describe() {
    return CreateStatements.view(this);
  }

  DefaultViewMetadata withTypes(UnaryOperator<DataType> change) {
    List<ColumnMetadata> changed =
        columns.stream().map(c -> (ColumnMetadata) ((DefaultColumnMetadata) c).withType(change)).toList();
    return new DefaultViewMetadata(keyspace, name, id, baseTable, includesAllColumns, whereClause, changed, options);
  }
}
