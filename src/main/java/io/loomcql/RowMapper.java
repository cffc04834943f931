package io.loomcql;

/**
 * Turns a row into a value (the reference driver's row_factory). May be a lambda.
 *
 * @param <T> the type of the values
 */
@FunctionalInterface
public interface RowMapper<T> {
  /**
   * Maps one row. {@link ResultSet#map} calls it once per row, lazily, on the thread that consumes
   * the stream.
   *
   * @param row the row; immutable, so it may be kept
   * @return the value for that row; may be {@code null}
   */
  T map(Row row);
}
