package io.loomcql.internal.metadata.schema;

import io.loomcql.metadata.FunctionMetadata;
import io.loomcql.type.DataType;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/** A function as read from {@code system_schema.functions}. */
public record DefaultFunctionMetadata(
    String keyspace, String name, List<String> argumentNames, List<DataType> argumentTypes, DataType returnType,
    String language, String body, boolean calledOnNullInput)
    implements FunctionMetadata {

  public DefaultFunctionMetadata {
    Objects.requireNonNull(keyspace, "keyspace");
    Objects.requireNonNull(name, "name");
    argumentNames = List.copyOf(argumentNames);
    argumentTypes = List.copyOf(argumentTypes);
    Objects.requireNonNull(returnType, "returnType");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(body, "body");
  }

  @Override
  public String signature() {
    return Signatures.of(name, argumentTypes);
  }

  @Override
  public String describe() {
    return CreateStatements.function(this);
  }

  DefaultFunctionMetadata withTypes(UnaryOperator<DataType> change) {
    return new DefaultFunctionMetadata(keyspace, name, argumentNames, argumentTypes.stream().map(change).toList(),
        change.apply(returnType), language, body, calledOnNullInput);
  }
}
