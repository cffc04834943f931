package io.loomcql.internal.metadata.schema;

import io.loomcql.type.DataType;
import io.loomcql.type.ListType;
import io.loomcql.type.MapType;
import io.loomcql.type.SetType;
import io.loomcql.type.TupleType;
import io.loomcql.type.UserDefinedType;
import io.loomcql.type.VectorType;
import java.util.function.UnaryOperator;

/**
 * After {@code ALTER TYPE}, every type that mentions the changed user type (columns, other user
 * types' fields, function signatures) must show its new fields: this rewrites a type tree with the
 * new definition, keeping each occurrence's frozen flag.
 */
final class UserTypeSubstitution implements UnaryOperator<DataType> {
  private final UserDefinedType updated;

  UserTypeSubstitution(UserDefinedType updated) {
    this.updated = updated;
  }

  @Override
  public DataType apply(DataType type) {
    return switch (type) {
      case UserDefinedType u when u.keyspace().equals(updated.keyspace()) && u.name().equals(updated.name()) ->
          new UserDefinedType(u.keyspace(), u.name(), updated.fieldNames(), updated.fieldTypes(), u.frozen());
      case UserDefinedType u ->
          new UserDefinedType(u.keyspace(), u.name(), u.fieldNames(), u.fieldTypes().stream().map(this).toList(), u.frozen());
      case ListType l -> new ListType(apply(l.elementType()), l.frozen());
      case SetType s -> new SetType(apply(s.elementType()), s.frozen());
      case MapType m -> new MapType(apply(m.keyType()), apply(m.valueType()), m.frozen());
      case TupleType t -> new TupleType(t.componentTypes().stream().map(this).toList());
      case VectorType v -> new VectorType(apply(v.elementType()), v.dimension());
      default -> type;
    };
  }
}
