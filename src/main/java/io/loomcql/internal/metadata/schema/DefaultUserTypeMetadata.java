package io.loomcql.internal.metadata.schema;

import io.loomcql.metadata.UserTypeMetadata;
import io.loomcql.type.DataType;
import io.loomcql.type.UserDefinedType;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/** A user type as read from {@code system_schema.types}. */
public record DefaultUserTypeMetadata(String keyspace, String name, List<String> fieldNames, List<DataType> fieldTypes)
    implements UserTypeMetadata {

  public DefaultUserTypeMetadata {
    Objects.requireNonNull(keyspace, "keyspace");
    Objects.requireNonNull(name, "name");
    fieldNames = List.copyOf(fieldNames);
    fieldTypes = List.copyOf(fieldTypes);
  }

  static DefaultUserTypeMetadata of(UserDefinedType type) {
    return new DefaultUserTypeMetadata(type.keyspace(), type.name(), type.fieldNames(), type.fieldTypes());
  }

  @Override
  public UserDefinedType dataType() {
    return new UserDefinedType(keyspace, name, fieldNames, fieldTypes, false);
  }

  @Override
  public String describe() {
    return CreateStatements.userType(this);
  }

  DefaultUserTypeMetadata withTypes(UnaryOperator<DataType> change) {
    return new DefaultUserTypeMetadata(keyspace, name, fieldNames, fieldTypes.stream().map(change).toList());
  }
}
