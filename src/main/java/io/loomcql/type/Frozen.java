package io.loomcql.type;

/** Shared spelling of the {@code frozen<...>} wrapper. */
final class Frozen {
  private Frozen() {}

  static String wrap(String cql, boolean frozen) {
    return frozen ? "frozen<" + cql + ">" : cql;
  }
}
