package io.loomcql.internal.metadata.token;

import java.util.Map;

/** The partitioners the driver can compute tokens for, by the name {@code system.local} gives. */
final class Partitioners {
  private static final Map<String, Partitioner> BY_NAME = Map.of(
      Murmur3Partitioner.NAME, Murmur3Partitioner.INSTANCE,
      RandomPartitioner.NAME, RandomPartitioner.INSTANCE,
      ByteOrderedPartitioner.NAME, ByteOrderedPartitioner.INSTANCE);

  private Partitioners() {}

  /**
   * The partitioner of that full or short class name (e.g. {@code Murmur3Partitioner}); null when
   * the name is null or not one of Murmur3, Random and ByteOrdered.
   */
  static Partitioner forName(String name) {
    if (name == null) {
      return null;
    }
    String trimmed = name.trim();
    Partitioner exact = BY_NAME.get(trimmed);
    if (exact != null) {
      return exact;
    }
    return BY_NAME.get("org.apache.cassandra.dht." + trimmed);
  }
}
