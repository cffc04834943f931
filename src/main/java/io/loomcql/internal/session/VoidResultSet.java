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
 * attempt, with no warnings and no trace. Such a result depends on nothing but the node that
 * answered: it is immutable, and each node has one that every such request shares (see {@link
 * SessionPools.Entry#voidResult}). Writes are most requests, and so they allocate no result.
 */
final class VoidResultSet implements ResultSet {
  private final ExecutionInfo executionInfo;

  VoidResultSet(Host coordinator) {
    this.executionInfo = RequestState.answeredAtOnce(coordinator, List.of(), null, true, null);
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
    // Shared by every write this node answered, so the message cannot name the statement.
    return new QueryExhaustedException("no more pages: the node answered with a Void result, which has no rows"
        + " (check hasMorePages() first)", executionInfo.coordinator());
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
    return executionInfo;
  }

  @Override
  public String toString() {
    return "ResultSet[columns=[], rows in page=0, more pages=false]";
  }
}
