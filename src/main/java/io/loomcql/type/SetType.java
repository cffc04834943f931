package io.loomcql.type;

import java.util.Objects;

/** {@code set<element>}; frozen when nested or declared so. */
public record SetType(DataType elementType, boolean frozen) implements DataType {
  public SetType {
    Objects.requireNonNull(elementType, "elementType");
  }

  @Override
  public String asCql() {
    return Frozen.wrap("set<" + elementType.asCql() + ">", frozen);
  }
}
