package io.loomcql.bench;

import java.util.List;

/**
 * What one benchmark operation is: a prepared statement, the bigint values it binds, and the
 * columns each result row has. The stub server answers the stub workloads from this same table,
 * and every client adapter binds and consumes results from it, so all clients do the same work.
 */
public enum Workload {
  /** A bound insert of three bigints; the stub answers Void. */
  VOID("INSERT INTO bench.kv (pk, v1, v2) VALUES (?, ?, ?)", 3, List.of(), 0),
  /** A select by key; the stub answers one row (bigint, text, 100-byte blob). */
  ONE_ROW("SELECT pk, t, b FROM bench.t WHERE pk = ?", 1, List.of(Column.BIGINT, Column.TEXT, Column.BLOB), 1),
  /** A select of a page; the stub answers 100 rows (bigint, text, 100-byte blob). */
  ROWS_100("SELECT pk, t, b FROM bench.t WHERE pk = ? LIMIT 100", 1,
      List.of(Column.BIGINT, Column.TEXT, Column.BLOB), 100),
  /** End to end on a real node: the same insert as {@link #VOID}. */
  E2E_INSERT("INSERT INTO bench.kv (pk, v1, v2) VALUES (?, ?, ?)", 3, List.of(), 0),
  /** End to end on a real node: select by key of {@code (pk bigint, v1 bigint, v2 bigint)}. */
  E2E_SELECT("SELECT pk, v1, v2 FROM bench.kv WHERE pk = ?", 1, List.of(Column.BIGINT, Column.BIGINT, Column.BIGINT), 1);

  /** The column types the benchmarks read. */
  public enum Column { BIGINT, TEXT, BLOB }

  /** Schema for the end-to-end workloads on a real node. */
  public static final List<String> E2E_SCHEMA = List.of(
      "CREATE KEYSPACE IF NOT EXISTS bench WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}",
      "CREATE TABLE IF NOT EXISTS bench.kv (pk bigint PRIMARY KEY, v1 bigint, v2 bigint)");

  /** Keys 0 .. KEYS-1 are written before the end-to-end select runs, so every select finds its row. */
  public static final int KEYS = 10_000;

  public final String cql;
  public final int boundValues;
  public final List<Column> columns;
  /** Rows the stub returns (0: a Void result). */
  public final int stubRows;

  Workload(String cql, int boundValues, List<Column> columns, int stubRows) {
    this.cql = cql;
    this.boundValues = boundValues;
    this.columns = columns;
    this.stubRows = stubRows;
  }

  /** The stub workload preparing this exact text, or null. */
  public static Workload forStubQuery(String cql) {
    for (Workload w : List.of(VOID, ONE_ROW, ROWS_100)) {
      if (w.cql.equals(cql)) {
        return w;
      }
    }
    return null;
  }
}
