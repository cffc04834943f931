package io.loomcql;

/**
 * Marks a bound value as unset (protocol v4+): the column keeps whatever it has, unlike null,
 * which writes a tombstone. {@code ps.bind(id, Unset.VALUE)}.
 */
public enum Unset {
  /** The one unset marker: bind it where a value would go. */
  VALUE
}
