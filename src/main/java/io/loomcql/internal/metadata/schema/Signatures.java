package io.loomcql.internal.metadata.schema;

import io.loomcql.type.DataType;
import java.util.List;
import java.util.stream.Collectors;

/** Function and aggregate signatures, {@code name(type, type)}: what tells overloads apart. */
final class Signatures {
  private Signatures() {}

  static String of(String name, List<DataType> argumentTypes) {
    return argumentTypes.stream().map(CqlTypes::render).collect(Collectors.joining(", ", name + "(", ")"));
  }
}
