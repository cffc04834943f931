package io.loomcql.type;

import java.util.Objects;

/**
 * {@code list<element>}; frozen when nested or declared so.
 *
 * @param elementType the type of the elements
 * @param frozen whether the type is written {@code frozen<...>}: the value is then one
 *     cell, written whole. Part of equality, so {@code list<int>} and {@code frozen<list<int>>}
 *     differ
 */
public record ListType(DataType elementType, boolean frozen) implements DataType {
  /**
   * Checks the element type.
   *
   * @param elementType the type of the elements
   * @param frozen whether the type is written {@code frozen<...>}
   * @throws NullPointerException if {@code elementType} is null
   */
  public ListType {
    Objects.requireNonNull(elementType, "elementType");
  }

  @Override
  public String asCql() {
    return Frozen.wrap("list<" + elementType.asCql() + ">", frozen);
  }
}
