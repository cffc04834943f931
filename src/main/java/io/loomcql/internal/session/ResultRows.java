package io.loomcql.internal.session;

import io.loomcql.ColumnDefinitions;
import io.loomcql.Row;
import io.loomcql.internal.protocol.RowsResult;
import java.util.ArrayList;
import java.util.List;

/** The rows of a RESULT read outside a session (the control connection's system queries). */
public final class ResultRows {
  private ResultRows() {}

  public static List<Row> of(RowsResult rows) {
    PageData page = new PageData(ColumnDefinitions.of(rows.metadata().columns()), rows);
    List<Row> list = new ArrayList<>(page.rowCount);
    for (int i = 0; i < page.rowCount; i++) {
      list.add(new DefaultRow(page, i));
    }
    return list;
  }
}
