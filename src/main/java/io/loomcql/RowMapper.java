package io.loomcql;

/** Turns a row into a value (the reference driver's row_factory). May be a lambda. */
@FunctionalInterface
public interface RowMapper<T> {
  T map(Row row);
}
