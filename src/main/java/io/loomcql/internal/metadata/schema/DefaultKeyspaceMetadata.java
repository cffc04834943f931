package io.loomcql.internal.metadata.schema;

import io.loomcql.metadata.AggregateMetadata;
import io.loomcql.metadata.FunctionMetadata;
import io.loomcql.metadata.KeyspaceMetadata;
import io.loomcql.metadata.TableMetadata;
import io.loomcql.metadata.UserTypeMetadata;
import io.loomcql.metadata.ViewMetadata;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A keyspace and its contents; targeted refreshes build a new one ({@link SchemaParser}). */
public record DefaultKeyspaceMetadata(
    String name, boolean durableWrites, Map<String, String> replication, Map<String, TableMetadata> tables,
    Map<String, ViewMetadata> views, Map<String, UserTypeMetadata> userTypes,
    Map<String, FunctionMetadata> functions, Map<String, AggregateMetadata> aggregates)
    implements KeyspaceMetadata {

  public DefaultKeyspaceMetadata {
    Objects.requireNonNull(name, "name");
    replication = NameOrder.copy(replication);
    tables = NameOrder.copy(tables);
    views = NameOrder.copy(views);
    userTypes = NameOrder.copy(userTypes);
    functions = NameOrder.copy(functions);
    aggregates = NameOrder.copy(aggregates);
  }

  @Override
  public Optional<TableMetadata> table(String tableName) {
    return Optional.ofNullable(tables.get(tableName));
  }

  @Override
  public Optional<ViewMetadata> view(String viewName) {
    return Optional.ofNullable(views.get(viewName));
  }

  @Override
  public Optional<UserTypeMetadata> userType(String typeName) {
    return Optional.ofNullable(userTypes.get(typeName));
  }

  @Override
  public Optional<FunctionMetadata> function(String signature) {
    return Optional.ofNullable(functions.get(signature));
  }

  @Override
  public Optional<AggregateMetadata> aggregate(String signature) {
    return Optional.ofNullable(aggregates.get(signature));
  }

  @Override
  public String describe() {
    return String.join("\n\n", SchemaExport.statements(this));
  }
}
