package io.loomcql;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import io.loomcql.type.DataType;

/**
 * The result of a statement: one page of rows, and the way to the next. Iterating crosses page
 * boundaries, fetching each next page on the iterating thread (the reference driver's
 * {@code PagedResult}); {@link #currentRows()} stays on this page.
 *
 * <p>Not thread-safe for iteration: one thread iterates a result set at a time.
 */
public interface ResultSet extends Iterable<Row> {
  ColumnDefinitions columnDefinitions();

  /** The rows of this page only. */
  List<Row> currentRows();

  /** Rows in this page (the reference driver's {@code len}). */
  int currentPageSize();

  /** A row of this page. */
  default Row get(int index) {
    return currentRows().get(index);
  }

  boolean hasMorePages();

  /** Where the next page starts, or null on the last page; usable later with {@code setPagingState}. */
  ByteBuffer pagingState();

  /**
   * Fetches the next page, blocking the calling thread.
   *
   * @throws io.loomcql.error.QueryExhaustedException on the last page
   */
  ResultSet fetchNextPage();

  CompletableFuture<ResultSet> fetchNextPageAsync();

  default List<String> columnNames() {
    return columnDefinitions().names();
  }

  default List<DataType> columnTypes() {
    return columnDefinitions().types();
  }

  /** The next row, or null when there is none; advances the iteration. */
  Row one();

  /** Every remaining row, across pages. */
  default List<Row> all() {
    List<Row> rows = new ArrayList<>();
    for (Row row : this) {
      rows.add(row);
    }
    return rows;
  }

  default Stream<Row> stream() {
    return StreamSupport.stream(spliterator(), false);
  }

  /**
   * Every remaining row (across pages) as a record, by component name: column {@code user_id}
   * fills component {@code userId}.
   *
   * @throws IllegalArgumentException before any row is mapped when a component has no column or
   *     a column's type cannot fill its component, naming both
   */
  <T> List<T> as(Class<T> recordClass);

  /** Every remaining row (across pages) through the mapper, lazily, on the consuming thread. */
  <T> Stream<T> map(RowMapper<T> mapper);

  /**
   * For a conditional statement (LWT), whether it was applied: the {@code [applied]} column of the
   * first row. True for any other result.
   */
  boolean wasApplied();

  /** How the request went: coordinator, warnings, tracing id. */
  ExecutionInfo executionInfo();
}
