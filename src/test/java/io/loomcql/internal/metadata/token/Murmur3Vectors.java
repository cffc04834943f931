package io.loomcql.internal.metadata.token;

/** Blob keys (hex) and the token a Cassandra 5.0 node gave for each with {@code SELECT token(k)}. */
final class Murmur3Vectors {
  private Murmur3Vectors() {}

  static final String[][] VECTORS = {
  };
}
