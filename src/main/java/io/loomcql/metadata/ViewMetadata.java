package io.loomcql.metadata;

/** A materialized view: its base table, selection and own primary key. Immutable. */
public interface ViewMetadata extends RelationMetadata {
  /** The name of the table the view is built from (same keyspace). */
  String baseTable();

  /** True when the view selects every column of its base table ({@code SELECT *}). */
  boolean includesAllColumns();

  /** The view's {@code WHERE} clause as CQL, without the {@code WHERE} keyword. */
  String whereClause();

  /** {@code CREATE MATERIALIZED VIEW}. */
  @Override
  String describe();
}
