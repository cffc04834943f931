package io.loomcql.type;

import java.util.Objects;

/** {@code map<key, value>}; frozen when nested or declared so. */
public record MapType(DataType keyType, DataType valueType, boolean frozen) implements DataType {
  public MapType {
    Objects.requireNonNull(keyType, "keyType");
    Objects.requireNonNull(valueType, "valueType");
  }

  @Override
  public String asCql() {
    return Frozen.wrap("map<" + keyType.asCql() + ", " + valueType.asCql() + ">", frozen);
  }
}
