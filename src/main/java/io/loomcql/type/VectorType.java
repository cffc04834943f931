package io.loomcql.type;

import java.util.Objects;

/**
 * {@code vector<element, dimension>} (Cassandra 5.0).
 *
 * @param elementType the type of the elements, for example {@code float} for an embedding
 * @param dimension the number of elements of every value, at least 1
 */
public record VectorType(DataType elementType, int dimension) implements DataType {
  /**
   * Checks the parts.
   *
   * @param elementType the type of the elements
   * @param dimension the number of elements of every value
   * @throws NullPointerException if {@code elementType} is null
   * @throws IllegalArgumentException if {@code dimension} is not positive
   */
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
