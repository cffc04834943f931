package io.loomcql.internal.session;

import io.loomcql.BoundStatement;
import io.loomcql.ColumnDefinition;
import io.loomcql.ColumnDefinitions;
import io.loomcql.Statement;
import io.loomcql.error.ProtocolError;
import io.loomcql.internal.connection.Connection;
import io.loomcql.internal.protocol.RowsMetadata;
import io.loomcql.internal.protocol.RowsResult;
import java.util.List;

/** The columns of a page: from the page, or from the prepared statement when the page has none. */
final class ResultSets {
  private ResultSets() {}

  static ColumnDefinitions columns(Statement<?> statement, RowsResult rows, Connection connection) {
    RowsMetadata metadata = rows.metadata();
    if (statement instanceof BoundStatement bound
        && bound.preparedStatement() instanceof DefaultPreparedStatement prepared) {
      ColumnDefinitions known = prepared.resultDefinitions();
      if (metadata.columns() == null) {
        return known;
      }
      if (metadata.newMetadataId() != null) {
        ColumnDefinitions changed = ColumnDefinitions.of(metadata.columns());
        prepared.resultMetadataChanged(metadata.newMetadataId(), changed);
        return changed;
      }
      if (prepared.isKnownEqual(metadata.columns())) {
        return known; // the same decoded list as before (reused by ColumnSpecCache): compared already
      }
      if (sameColumns(known, metadata.columns())) {
        prepared.knownEqual(metadata.columns());
        return known; // saves rebuilding the name index for every page
      }
    }
    if (metadata.columns() == null) {
      throw new ProtocolError(connection.address(), "rows without metadata in answer to " + statement);
    }
    return ColumnDefinitions.of(metadata.columns());
  }

  private static boolean sameColumns(ColumnDefinitions known, List<ColumnDefinition> columns) {
    if (known.size() != columns.size()) {
      return false;
    }
    for (int i = 0; i < columns.size(); i++) {
      if (!known.get(i).equals(columns.get(i))) {
        return false;
      }
    }
    return true;
  }
}
