package io.loomcql.internal.metadata.schema;

import io.loomcql.type.CustomType;
import io.loomcql.type.DataType;
import io.loomcql.type.ListType;
import io.loomcql.type.MapType;
import io.loomcql.type.NativeType;
import io.loomcql.type.SetType;
import io.loomcql.type.TupleType;
import io.loomcql.type.UserDefinedType;
import io.loomcql.type.VectorType;
import java.util.stream.Collectors;

/**
 * Types as schema CQL writes them. Unlike {@link DataType#asCql()}, user types are named without
 * their keyspace (a table may only use its own keyspace's types) and quoted when needed, so the
 * output reads back through {@link CqlTypeParser} and runs in DDL.
 */
public final class CqlTypes {
  private CqlTypes() {}

  public static String render(DataType type) {
    return switch (type) {
      case NativeType n -> n.asCql();
      case ListType l -> frozen("list<" + render(l.elementType()) + ">", l.frozen());
      case SetType s -> frozen("set<" + render(s.elementType()) + ">", s.frozen());
      case MapType m -> frozen("map<" + render(m.keyType()) + ", " + render(m.valueType()) + ">", m.frozen());
      case TupleType t ->
          t.componentTypes().stream().map(CqlTypes::render).collect(Collectors.joining(", ", "frozen<tuple<", ">>"));
      case UserDefinedType u -> frozen(CqlIdentifiers.quoteIfNeeded(u.name()), u.frozen());
      case VectorType v -> "vector<" + render(v.elementType()) + ", " + v.dimension() + ">";
      case CustomType c -> CqlLiterals.string(c.className());
    };
  }

  private static String frozen(String cql, boolean frozen) {
    return frozen ? "frozen<" + cql + ">" : cql;
  }
}
