package io.loomcql;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * A statement prepared on the cluster: its bind markers with their CQL types, its result columns,
 * and the id the nodes know it by. Thread-safe and meant to be prepared once and bound many
 * times; {@code Session.prepare} returns the same instance for the same query text and keyspace.
 */
public interface PreparedStatement {
  /** {@return the CQL text as it was prepared} */
  String query();

  /** {@return the bind markers, in order, with their names and CQL types} */
  ColumnDefinitions variableDefinitions();

  /** {@return the columns a result of this statement has (empty for writes)} */
  ColumnDefinitions resultDefinitions();

  /** {@return the id the nodes know this statement by, as a read-only buffer} */
  ByteBuffer id();

  /**
   * For each partition-key column, the index of the marker that binds it, which lets a bound
   * statement compute its routing key.
   *
   * @return the marker indices, in partition-key order; empty if unknown (then bound statements
   *     are not routed by token unless given a routing key)
   */
  List<Integer> partitionKeyIndices();

  /** {@return the keyspace the statement was prepared in (the session's at the time), or null} */
  String keyspace();

  /**
   * Binds values to the markers in order, checking each against its marker's CQL type. Fewer
   * values than markers leave the rest unset (protocol v4+); {@link Unset#VALUE} unsets one. A
   * single record, unless the only marker is a user type it stands for, binds by component name
   * ({@link #bindRecord}).
   *
   * @param values the values, in marker order; null binds CQL null
   * @return a new bound statement with default options
   * @throws IllegalArgumentException naming the marker and both types for a value that does not
   *     fit, or when there are more values than markers
   */
  default BoundStatement bind(Object... values) {
    return BoundStatement.bind(this, values);
  }

  /**
   * Binds a record's components to the markers by name: marker {@code user_id} takes component
   * {@code userId}. Components no marker asks for are ignored.
   *
   * @param record the record whose components give the values
   * @return a new bound statement with default options
   * @throws IllegalArgumentException naming the marker that no component fills, or a value that
   *     does not fit its marker
   */
  default BoundStatement bindRecord(Record record) {
    return BoundStatement.bindRecord(this, record);
  }

  /** {@return a new builder that sets values by marker name or index, all markers unset} */
  default BoundStatementBuilder boundStatementBuilder() {
    return new BoundStatementBuilder(this);
  }
}
