package io.loomcql.internal.session;

import io.loomcql.ConsistencyLevel;
import io.loomcql.SimpleStatement;
import io.loomcql.Statement;
import io.loomcql.internal.codec.InferredEncoder;
import io.loomcql.internal.protocol.Query;
import io.loomcql.internal.protocol.QueryOptions;
import io.loomcql.internal.protocol.Request;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a statement and the session's defaults into the protocol request. Stateless but for timestamps. */
final class RequestEncoder {
  private final DriverConfig config;
  private final ClientTimestamps timestamps = new ClientTimestamps();

  RequestEncoder(DriverConfig config) {
    this.config = config;
  }

  Request encode(Statement<?> statement, ConsistencyLevel defaultConsistency, ConsistencyLevel defaultSerial) {
    return switch (statement) {
      case SimpleStatement simple -> new Query(simple.query(), options(simple, defaultConsistency, defaultSerial));
    };
  }

  private QueryOptions options(
      SimpleStatement statement, ConsistencyLevel defaultConsistency, ConsistencyLevel defaultSerial) {
    List<ByteBuffer> values = List.of();
    Map<String, ByteBuffer> named = null;
    if (statement.namedValues() != null) {
      named = new LinkedHashMap<>();
      for (Map.Entry<String, Object> entry : statement.namedValues().entrySet()) {
        named.put(entry.getKey(), encodeValue(entry.getValue(), "named value '" + entry.getKey() + "'", statement));
      }
    } else if (!statement.values().isEmpty()) {
      values = new ArrayList<>(statement.values().size());
      for (int i = 0; i < statement.values().size(); i++) {
        values.add(encodeValue(statement.values().get(i), "value #" + (i + 1), statement));
      }
    }
    ConsistencyLevel consistency =
        statement.consistencyLevel() != null ? statement.consistencyLevel() : defaultConsistency;
    ConsistencyLevel serial =
        statement.serialConsistencyLevel() != null ? statement.serialConsistencyLevel() : defaultSerial;
    int pageSize = statement.pageSize() > 0 ? statement.pageSize() : config.pageSize();
    long timestamp = statement.timestamp();
    if (timestamp == Statement.NO_TIMESTAMP && config.clientTimestamps()) {
      timestamp = timestamps.next();
    }
    boolean perQueryKeyspace = statement.keyspace() != null && config.connection().version().code() >= 5;
    return new QueryOptions(
        consistency,
        values,
        named,
        false,
        pageSize,
        statement.pagingState(),
        serial == ConsistencyLevel.SERIAL ? null : serial, // SERIAL is the protocol default
        timestamp,
        perQueryKeyspace ? statement.keyspace() : null,
        QueryOptions.NO_NOW);
  }

  private static ByteBuffer encodeValue(Object value, String what, Statement<?> statement) {
    try {
      return InferredEncoder.encode(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("cannot bind " + what + " of " + statement + ": " + e.getMessage(), e);
    }
  }
}
