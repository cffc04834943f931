package io.loomcql.internal.session;

import io.loomcql.BatchStatement;
import io.loomcql.BoundStatement;
import io.loomcql.ConsistencyLevel;
import io.loomcql.ProtocolVersion;
import io.loomcql.SimpleStatement;
import io.loomcql.Statement;
import io.loomcql.policy.TimestampGenerator;
import io.loomcql.internal.codec.InferredEncoder;
import io.loomcql.internal.protocol.Batch;
import io.loomcql.internal.protocol.Execute;
import io.loomcql.internal.protocol.Primitives;
import io.loomcql.internal.protocol.Query;
import io.loomcql.internal.protocol.QueryOptions;
import io.loomcql.internal.protocol.Request;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a statement and the session's defaults into the protocol request, on the caller's thread.
 * Stateless but for the timestamp generator; shared by all callers of a session.
 */
final class RequestEncoder {
  private final DriverConfig config;
  private final ProtocolVersion version;
  private final TimestampGenerator timestamps;

  RequestEncoder(DriverConfig config, ProtocolVersion version) {
    this.config = config;
    this.version = version;
    this.timestamps = config.requests().timestamps();
  }

  /**
   * @param drawn a timestamp {@link #timestampFor drawn} for this statement earlier (on the thread
   *     that submitted it), or {@link Statement#NO_TIMESTAMP} to draw one now
   */
  Request encode(
      Statement<?> statement, ConsistencyLevel defaultConsistency, ConsistencyLevel defaultSerial, long drawn) {
    ConsistencyLevel consistency =
        statement.consistencyLevel() != null ? statement.consistencyLevel() : defaultConsistency;
    ConsistencyLevel serial =
        statement.serialConsistencyLevel() != null ? statement.serialConsistencyLevel() : defaultSerial;
    if (serial == ConsistencyLevel.SERIAL) {
      serial = null; // the protocol's default: save the bytes
    }
    return switch (statement) {
      case SimpleStatement simple -> {
        List<ByteBuffer> values = List.of();
        Map<String, ByteBuffer> named = null;
        if (simple.namedValues() != null) {
          named = new LinkedHashMap<>();
          for (Map.Entry<String, Object> entry : simple.namedValues().entrySet()) {
            named.put(entry.getKey(), inferred(entry.getValue(), "named value '" + entry.getKey() + "'", simple));
          }
        } else if (!simple.values().isEmpty()) {
          values = inferredValues(simple);
        }
        yield new Query(simple.query(), options(simple, consistency, serial, values, named, drawn));
      }
      case BoundStatement bound -> {
        DefaultPreparedStatement prepared = prepared(bound);
        List<ByteBuffer> values = bound.serializedValues();
        checkUnsetSupported(values, bound);
        boolean skipMetadata = version.code() >= 5 && prepared.resultDefinitions().size() > 0;
        Execute.Fixed fixed = prepared.executeFixed(version.code() >= 5 ? prepared.resultMetadataId() : null,
            consistency, skipMetadata, pageSize(bound), serial, nowInSeconds(bound));
        yield new Execute(fixed, values, null, bound.pagingState(), drawn(bound, drawn));
      }
      case BatchStatement batch -> {
        if (batch.size() == 0) {
          throw new IllegalArgumentException("an empty batch: add statements to it (BatchStatement.add returns a copy)");
        }
        List<Batch.Child> children = new ArrayList<>(batch.size());
        for (Statement<?> child : batch.statements()) {
          switch (child) {
            case SimpleStatement simple -> children.add(new Batch.Child(simple.query(), null, inferredValues(simple)));
            case BoundStatement bound -> {
              checkUnsetSupported(bound.serializedValues(), bound);
              children.add(new Batch.Child(null, prepared(bound).rawId(), bound.serializedValues()));
            }
            case BatchStatement nested -> throw new IllegalArgumentException("a batch cannot contain another batch");
          }
        }
        String keyspace = version.code() >= 5 ? batch.keyspace() : null;
        yield new Batch(batch.batchType().code(), children, consistency, serial, drawn(batch, drawn), keyspace,
            nowInSeconds(batch));
      }
    };
  }

  private QueryOptions options(
      Statement<?> statement,
      ConsistencyLevel consistency,
      ConsistencyLevel serial,
      List<ByteBuffer> values,
      Map<String, ByteBuffer> named,
      long drawn) {
    String keyspace = version.code() >= 5 ? statement.keyspace() : null;
    return new QueryOptions(consistency, values, named, false, pageSize(statement), statement.pagingState(),
        serial, drawn(statement, drawn), keyspace, nowInSeconds(statement));
  }

  private int pageSize(Statement<?> statement) {
    return statement.pageSize() > 0 ? statement.pageSize() : config.pageSize();
  }

  private int nowInSeconds(Statement<?> statement) {
    int now = statement.nowInSeconds();
    if (now == Statement.NO_NOW_IN_SECONDS) {
      return QueryOptions.NO_NOW;
    }
    if (version.code() < 5) {
      throw new IllegalArgumentException(statement + " sets now_in_seconds, which needs protocol v5; this session"
          + " speaks " + version);
    }
    return now;
  }

  /** The statement's own timestamp, else one from the session's generator. */
  long timestampFor(Statement<?> statement) {
    long timestamp = statement.timestamp();
    if (timestamp == Statement.NO_TIMESTAMP) {
      timestamp = timestamps.next();
    }
    return timestamp;
  }

  private long drawn(Statement<?> statement, long drawn) {
    return drawn != Statement.NO_TIMESTAMP ? drawn : timestampFor(statement);
  }

  private static DefaultPreparedStatement prepared(BoundStatement bound) {
    if (bound.preparedStatement() instanceof DefaultPreparedStatement prepared) {
      return prepared;
    }
    throw new IllegalArgumentException("bound statements must come from Session.prepare, not from "
        + bound.preparedStatement().getClass().getName());
  }

  private void checkUnsetSupported(List<ByteBuffer> values, BoundStatement bound) {
    if (version.code() < 4) {
      for (int i = 0; i < values.size(); i++) {
        if (values.get(i) == Primitives.UNSET) {
          throw new IllegalArgumentException("marker #" + (i + 1) + " of " + bound + " is unset; protocol "
              + version + " needs a value for every marker (unset values need v4 or later)");
        }
      }
    }
  }

  private static List<ByteBuffer> inferredValues(SimpleStatement simple) {
    List<ByteBuffer> values = new ArrayList<>(simple.values().size());
    for (int i = 0; i < simple.values().size(); i++) {
      values.add(inferred(simple.values().get(i), "value #" + (i + 1), simple));
    }
    return values;
  }

  private static ByteBuffer inferred(Object value, String what, Statement<?> statement) {
    try {
      return InferredEncoder.encode(value == io.loomcql.Unset.VALUE ? Primitives.UNSET : value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("cannot bind " + what + " of " + statement + ": " + e.getMessage(), e);
    }
  }
}
