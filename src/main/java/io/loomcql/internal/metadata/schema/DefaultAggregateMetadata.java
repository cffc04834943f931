package io.loomcql.internal.metadata.schema;

import io.loomcql.metadata.AggregateMetadata;
import io.loomcql.type.DataType;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** An aggregate as read from {@code system_schema.aggregates}. */
public record DefaultAggregateMetadata(
    String keyspace, String name, List<DataType> argumentTypes, String stateFunction, DataType stateType,
    Optional<String> finalFunction, DataType returnType, Optional<String> initCond)
    implements AggregateMetadata {

  public DefaultAggregateMetadata {
    Objects.requireNonNull(keyspace, "keyspace");
    Objects.requireNonNull(name, "name");
    argumentTypes = List.copyOf(argumentTypes);
    Objects.requireNonNull(stateFunction, "stateFunction");
    Objects.requireNonNull(stateType, "stateType");
    Objects.requireNonNull(finalFunction, "finalFunction");
    Objects.requireNonNull(returnType, "returnType");
    Objects.requireNonNull(initCond, "initCond");
  }

  @Override
  public String signature() {
    return Signatures.of(name, argumentTypes);
  }

  @Override
  public String describe() {
    return CreateStatements.aggregate(this);
  }

  DefaultAggregateMetadata withTypes(UnaryOperator<DataType> change) {
    return new DefaultAggregateMetadata(keyspace, name, argumentTypes.stream().map(change).toList(), stateFunction,
        change.apply(stateType), finalFunction, change.apply(returnType), initCond);
  }
}
