package io.loomcql.internal.metadata.schema;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** Immutable copies of metadata maps that iterate in name order, as the public API promises. */
final class NameOrder {
  private NameOrder() {}

  static <V> Map<String, V> copy(Map<String, ? extends V> map) {
    return Collections.unmodifiableMap(new TreeMap<>(map));
  }
}
