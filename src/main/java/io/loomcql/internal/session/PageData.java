package io.loomcql.internal.session;

import io.loomcql.ColumnDefinitions;
import io.loomcql.internal.protocol.RowsResult;
import java.nio.ByteBuffer;

/**
 * The cells of one page, indexed once: the offset of every cell's [bytes] in the page content.
 * Rows are views on this (row index only), so a page costs one index array, not a list per row.
 */
final class PageData {
  final ColumnDefinitions columns;
  final int rowCount;
  private final int columnCount;
  private final ByteBuffer content;
  private final int[] offsets;

  private static final PageData EMPTY = new PageData(ColumnDefinitions.of(java.util.List.of()));

  private PageData(ColumnDefinitions columns) {
    this.columns = columns;
    this.rowCount = 0;
    this.columnCount = 0;
    this.content = ByteBuffer.allocate(0);
    this.offsets = new int[0];
  }

  /** The page of a result without rows (a write, DDL, USE). */
  static PageData empty() {
    return EMPTY;
  }

  PageData(ColumnDefinitions columns, RowsResult rows) {
    this.columns = columns;
    this.rowCount = rows.rowCount();
    this.columnCount = rows.metadata().columnCount();
    this.content = rows.content();
    this.offsets = new int[rowCount * columnCount];
    int position = content.position();
    for (int i = 0; i < offsets.length; i++) {
      offsets[i] = position;
      int length = content.getInt(position);
      position += 4 + Math.max(length, 0);
    }
  }

  /** A read-only view of the cell's bytes, or null for a null cell. */
  ByteBuffer cell(int row, int column) {
    if (column < 0 || column >= columnCount) {
      throw new IndexOutOfBoundsException("column index " + column + " outside [0, " + columnCount + ")");
    }
    int offset = offsets[row * columnCount + column];
    int length = content.getInt(offset);
    return length < 0 ? null : content.slice(offset + 4, length);
  }
}
