package io.loomcql.type;

import java.util.Objects;

/** {@code vector<element, dimension>} (Cassandra 5.0). */
public record VectorType(DataType elementType, int dimension) implements DataType {
  public VectorType {
    Objects.requireNonNull(elementType, "elementType");
    if (dimension <= 0) {
      throw new IllegalArgumentException("vector dimension must be positive, got " + dimension);
    }
  }

  @Override
  public String asCql() {
    return "vector<" + elementType.asCql() + ", " + dimension + ">";
  }
}
