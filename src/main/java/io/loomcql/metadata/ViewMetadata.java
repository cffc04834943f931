package io.loomcql.metadata;

/** A materialized view: its base table, selection and own primary key. Immutable. */
public interface ViewMetadata extends RelationMetadata {
  /** {@return the name of the table the view is built from} It is in the same keyspace. */
  String baseTable();

  /** {@return true when the view selects every column of its base table ({@code SELECT *})} */
  boolean includesAllColumns();

  /** {@return the view's {@code WHERE} clause as CQL, without the {@code WHERE} keyword} */
  String whereClause();

  /**
   * The {@code CREATE MATERIALIZED VIEW} statement that recreates the view.
   *
   * @return the CQL, with fully qualified names and a final {@code ;}
   */
  @Override
  String describe();
}
