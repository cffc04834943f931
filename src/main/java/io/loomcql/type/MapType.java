package io.loomcql.type;

import java.util.Objects;

/**
 * {@code map<key, value>}; frozen when nested or declared so.
 *
 * @param keyType the type of the keys
 * @param valueType the type of the values
 * @param frozen whether the type is written {@code frozen<...>}: the value is then one
 *     cell, written whole. Part of equality, so {@code list<int>} and {@code frozen<list<int>>}
 *     differ
 */
public record MapType(DataType keyType, DataType valueType, boolean frozen) implements DataType {
  /**
   * Checks the key and value types.
   *
   * @param keyType the type of the keys
   * @param valueType the type of the values
   * @param frozen whether the type is written {@code frozen<...>}
   * @throws NullPointerException if {@code keyType} or {@code valueType} is null
   */
  public MapType {
    Objects.requireNonNull(keyType, "keyType");
    Objects.requireNonNull(valueType, "valueType");
  }

  @Override
  public String asCql() {
    return Frozen.wrap("map<" + keyType.asCql() + ", " + valueType.asCql() + ">", frozen);
  }
}
