package io.loomcql.internal.session;

import io.loomcql.ColumnDefinitions;
import io.loomcql.ExecutionInfo;
import io.loomcql.ResultSet;
import io.loomcql.Row;
import io.loomcql.RowMapper;
import io.loomcql.Statement;
import io.loomcql.internal.mapping.RecordMapper;
import io.loomcql.metadata.Host;
import io.loomcql.error.QueryExhaustedException;
import java.nio.ByteBuffer;
import java.util.AbstractList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * One page of a result, with a single-pass cursor that crosses into the following pages on the
 * iterating thread. Not thread-safe for iteration (documented on {@link ResultSet}).
 */
final class DefaultResultSet implements ResultSet {
  private final DefaultSession session;
  private final Statement<?> statement;
  private final PageData page;
  private final ByteBuffer pagingState;
  // How the request went. Built on first use when the request went the common way (one attempt,
  // answered, no speculative execution), else given at once.
  private ExecutionInfo executionInfo; // racy single assignment of an immutable value
  private final Host coordinator; // the node that answered, when the info is built on first use
  private final List<String> warnings;
  private final UUID tracingId;

  // The cursor: the page being iterated (this one, then fetched ones) and the next row in it.
  private DefaultResultSet cursorPage = this;
  private int cursorRow;

  DefaultResultSet(
      DefaultSession session, Statement<?> statement, PageData page, ByteBuffer pagingState, ExecutionInfo info) {
    this.session = session;
    this.statement = statement;
    this.page = page;
    this.pagingState = pagingState;
    this.executionInfo = info;
    this.coordinator = null;
    this.warnings = null;
    this.tracingId = null;
  }

  /**
   * The result of a request that {@code coordinator} answered at its first attempt, in its only
   * execution; its {@link ExecutionInfo} is built when first asked for. Only for answers that
   * change no schema (Rows, Void), so the schema counts as agreed.
   */
  DefaultResultSet(
      DefaultSession session, Statement<?> statement, PageData page, ByteBuffer pagingState, Host coordinator,
      List<String> warnings, UUID tracingId) {
    this.session = session;
    this.statement = statement;
    this.page = page;
    this.pagingState = pagingState;
    this.coordinator = coordinator;
    this.warnings = warnings;
    this.tracingId = tracingId;
  }

  @Override
  public ColumnDefinitions columnDefinitions() {
    return page.columns;
  }

  @Override
  public List<Row> currentRows() {
    return new AbstractList<>() {
      @Override
      public Row get(int index) {
        if (index < 0 || index >= page.rowCount) {
          throw new IndexOutOfBoundsException("row " + index + " of a page of " + page.rowCount);
        }
        return new DefaultRow(page, index);
      }

      @Override
      public int size() {
        return page.rowCount;
      }
    };
  }

  @Override
  public int currentPageSize() {
    return page.rowCount;
  }

  @Override
  public boolean hasMorePages() {
    return pagingState != null;
  }

  @Override
  public ByteBuffer pagingState() {
    return pagingState == null ? null : pagingState.asReadOnlyBuffer();
  }

  @Override
  public ResultSet fetchNextPage() {
    if (pagingState == null) {
      throw new QueryExhaustedException("no more pages: this is the last page", executionInfo().coordinator());
    }
    return session.execute(statement.setPagingState(pagingState));
  }

  @Override
  public CompletableFuture<ResultSet> fetchNextPageAsync() {
    if (pagingState == null) {
      return CompletableFuture.failedFuture(
          new QueryExhaustedException("no more pages: this is the last page", executionInfo().coordinator()));
    }
    return session.executeAsync(statement.setPagingState(pagingState));
  }

  @Override
  public Row one() {
    while (cursorRow >= cursorPage.page.rowCount) {
      if (!cursorPage.hasMorePages()) {
        return null;
      }
      if (!(cursorPage.fetchNextPage() instanceof DefaultResultSet next)) {
        return null; // a page without rows, hence the last
      }
      cursorPage = next;
      cursorRow = 0;
    }
    return new DefaultRow(cursorPage.page, cursorRow++);
  }

  @Override
  public Iterator<Row> iterator() {
    return new Iterator<>() {
      private Row next;

      @Override
      public boolean hasNext() {
        if (next == null) {
          next = one();
        }
        return next != null;
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        Row row = next;
        next = null;
        return row;
      }
    };
  }

  @Override
  public <T> List<T> as(Class<T> recordClass) {
    RecordMapper<T> mapper = RecordMapper.of(recordClass);
    List<T> mapped = new java.util.ArrayList<>();
    ColumnDefinitions bound = columnDefinitions();
    RowMapper<T> rowMapper = mapper.bind(bound); // fails before any row is read
    Row row;
    while ((row = one()) != null) {
      if (row.columnDefinitions() != bound) { // once per distinct set of columns, not per row
        bound = row.columnDefinitions();
        rowMapper = mapper.bind(bound);
      }
      mapped.add(rowMapper.map(row));
    }
    return mapped;
  }

  @Override
  public <T> java.util.stream.Stream<T> map(RowMapper<T> mapper) {
    return stream().map(mapper::map);
  }

  @Override
  public boolean wasApplied() {
    int index = page.columns.indexOf("\"[applied]\"");
    if (index < 0 || page.rowCount == 0) {
      return true;
    }
    return new DefaultRow(page, 0).getBoolean(index);
  }

  @Override
  public ExecutionInfo executionInfo() {
    ExecutionInfo info = executionInfo;
    if (info == null) {
      info = session.executionInfo(null, coordinator, 0, warnings, tracingId, true);
      executionInfo = info;
    }
    return info;
  }

  @Override
  public String toString() {
    return "ResultSet[columns=" + page.columns.names() + ", rows in page=" + page.rowCount + ", more pages="
        + hasMorePages() + "]";
  }
}
