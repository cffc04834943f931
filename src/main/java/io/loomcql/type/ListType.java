package io.loomcql.type;

import java.util.Objects;

/** {@code list<element>}; frozen when nested or declared so. */
public record ListType(DataType elementType, boolean frozen) implements DataType {
  public ListType {
    Objects.requireNonNull(elementType, "elementType");
  }

  @Override
  public String asCql() {
    return Frozen.wrap("list<" + elementType.asCql() + ">", frozen);
  }
}
