package io.loomcql.internal.session;

import io.loomcql.ColumnDefinitions;
import io.loomcql.ExecutionInfo;
import io.loomcql.ResultSet;
import io.loomcql.Row;
import io.loomcql.RowMapper;
import io.loomcql.error.QueryExhaustedException;
import io.loomcql.internal.mapping.RecordMapper;
import io.loomcql.metadata.Host;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * The result of a write that the node answered with a Void result at the request's first
 * attempt, with no warnings and no trace. Writes are most requests, and this one holds what its
 * {@link ExecutionInfo} is built from and nothing else: 24 bytes, against 56 for a result with a
 * page and a cursor.
 */
final class VoidResultSet implements ResultSet {
  private final RequestState state;
  private final Host coordinator;
  private ExecutionInfo executionInfo; // built on first use; racy single assignment of an immutable value

  VoidResultSet(RequestState state, Host coordinator) {
    this.state = state;
    this.coordinator = coordinator;
  }

  @Override
  public ColumnDefinitions columnDefinitions() {
    return PageData.empty().columns;
  }

  @Override
  public List<Row> currentRows() {
    return List.of();
  }

  @Override
  public int currentPageSize() {
    return 0;
  }

  @Override
  public boolean hasMorePages() {
    return false;
  }

  @Override
  public ByteBuffer pagingState() {
    return null;
  }

  @Override
  public ResultSet fetchNextPage() {
    throw exhausted();
  }

  @Override
  public CompletableFuture<ResultSet> fetchNextPageAsync() {
    return CompletableFuture.failedFuture(exhausted());
  }

  private QueryExhaustedException exhausted() {
    return new QueryExhaustedException("no more pages: " + state.statement + " returned no rows", coordinator);
  }

  @Override
  public Row one() {
    return null;
  }

  @Override
  public Iterator<Row> iterator() {
    return Collections.emptyIterator();
  }

  @Override
  public <T> List<T> as(Class<T> recordClass) {
    RecordMapper.of(recordClass).bind(columnDefinitions()); // a record that cannot map these columns fails here too
    return List.of();
  }

  @Override
  public <T> Stream<T> map(RowMapper<T> mapper) {
    return Stream.empty();
  }

  @Override
  public boolean wasApplied() {
    return true; // a conditional statement answers with rows, never Void
  }

  @Override
  public ExecutionInfo executionInfo() {
    ExecutionInfo info = executionInfo;
    if (info == null) {
      info = state.info(coordinator, 0, List.of(), null, true, null);
      executionInfo = info;
    }
    return info;
  }

  @Override
  public String toString() {
    return "ResultSet[columns=[], rows in page=0, more pages=false]";
  }
}
