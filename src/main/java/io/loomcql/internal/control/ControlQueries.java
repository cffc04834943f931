package io.loomcql.internal.control;

import io.loomcql.ConsistencyLevel;
import io.loomcql.Row;
import io.loomcql.error.ProtocolError;
import io.loomcql.internal.connection.Connection;
import io.loomcql.internal.protocol.ErrorMapper;
import io.loomcql.internal.protocol.ErrorResponse;
import io.loomcql.internal.protocol.Message;
import io.loomcql.internal.protocol.Query;
import io.loomcql.internal.protocol.QueryOptions;
import io.loomcql.internal.protocol.RowsResult;
import io.loomcql.internal.session.ResultRows;
import java.util.List;

/** Runs the control connection's own queries: one page, system tables, no statement object. */
final class ControlQueries {
  private ControlQueries() {}

  static List<Row> rows(Connection connection, String cql, long deadline) {
    Message reply =
        connection.request(new Query(cql, QueryOptions.of(ConsistencyLevel.ONE, List.of())), deadline).message();
    if (reply instanceof ErrorResponse error) {
      throw ErrorMapper.toException(error, connection.address());
    }
    if (!(reply instanceof RowsResult rows)) {
      throw new ProtocolError(connection.address(), "unexpected " + reply.getClass().getSimpleName() + " for " + cql);
    }
    return ResultRows.of(rows);
  }
}
