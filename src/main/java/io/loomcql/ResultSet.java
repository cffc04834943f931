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
  /** {@return the columns of the rows; empty for a statement that returns no rows} */
  ColumnDefinitions columnDefinitions();

  /**
   * The rows of this page only. Reading them does not move the iteration.
   *
   * @return a read-only list of this page's rows
   */
  List<Row> currentRows();

  /** {@return how many rows this page has (the reference driver's {@code len})} */
  int currentPageSize();

  /**
   * A row of this page. Does not move the iteration.
   *
   * @param index the row's position in this page, from 0
   * @return the row
   * @throws IndexOutOfBoundsException if the page has no such row
   */
  default Row get(int index) {
    return currentRows().get(index);
  }

  /** {@return whether the server has more rows after this page} */
  boolean hasMorePages();

  /**
   * Where the next page starts; usable later with {@code setPagingState}.
   *
   * @return a read-only buffer, or {@code null} on the last page
   */
  ByteBuffer pagingState();

  /**
   * Fetches the next page, blocking the calling thread. This result set and its iteration do not
   * change.
   *
   * @return the next page, as a new result set
   * @throws io.loomcql.error.QueryExhaustedException on the last page
   */
  ResultSet fetchNextPage();

  /**
   * Fetches the next page without blocking.
   *
   * @return a future of the next page; failed with {@link
   *     io.loomcql.error.QueryExhaustedException} on the last page
   */
  CompletableFuture<ResultSet> fetchNextPageAsync();

  /** {@return the column names, in order} */
  default List<String> columnNames() {
    return columnDefinitions().names();
  }

  /** {@return the column types, in order} */
  default List<DataType> columnTypes() {
    return columnDefinitions().types();
  }

  /**
   * The next row; advances the iteration, fetching the next page when this one is used up.
   *
   * @return the row, or {@code null} when there is none
   */
  Row one();

  /** {@return every remaining row, across pages} Fetches every page left; ends the iteration. */
  default List<Row> all() {
    List<Row> rows = new ArrayList<>();
    for (Row row : this) {
      rows.add(row);
    }
    return rows;
  }

  /** {@return the remaining rows, across pages, as a sequential stream over the iteration} */
  default Stream<Row> stream() {
    return StreamSupport.stream(spliterator(), false);
  }

  /**
   * Every remaining row (across pages) as a record, by component name: column {@code user_id}
   * fills component {@code userId}.
   *
   * @param <T> the record type
   * @param recordClass the record class
   * @return the records, in row order
   * @throws IllegalArgumentException before any row is mapped when a component has no column or
   *     a column's type cannot fill its component, naming both
   */
  <T> List<T> as(Class<T> recordClass);

  /**
   * Every remaining row (across pages) through the mapper, lazily, on the consuming thread.
   *
   * @param <T> the type of the values
   * @param mapper turns each row into a value
   * @return a sequential stream of the values
   */
  <T> Stream<T> map(RowMapper<T> mapper);

  /**
   * For a conditional statement (LWT), whether it was applied: the {@code [applied]} column of the
   * first row. True for any other result.
   *
   * @return whether the condition held and the statement was applied
   */
  boolean wasApplied();

  /** {@return how the request of this page went: coordinator, warnings, tracing id} */
  ExecutionInfo executionInfo();
}
