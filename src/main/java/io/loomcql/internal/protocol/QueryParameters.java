package io.loomcql.internal.protocol;

import io.loomcql.ConsistencyLevel;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

/**
 * The {@code <query_parameters>} of a QUERY or an EXECUTE, as {@link QueryOptions} writes them.
 * A QUERY holds them in a {@link QueryOptions}; an EXECUTE holds the per-request ones itself and
 * shares the rest with every request of its prepared statement ({@link Execute.Fixed}), so it
 * needs no options object of its own.
 */
public sealed interface QueryParameters permits QueryOptions, Execute {
  ConsistencyLevel consistency();

  /** Positional values; empty when there are none or they are named. */
  List<ByteBuffer> values();

  /** Named values, or null when values are positional. */
  Map<String, ByteBuffer> namedValues();

  boolean skipMetadata();

  /** Rows per page, or a value &lt;= 0 to let the server choose. */
  int pageSize();

  /** Where to resume, or null. */
  ByteBuffer pagingState();

  /** For conditional updates, or null for the server's default. */
  ConsistencyLevel serialConsistency();

  /** In microseconds, or {@link QueryOptions#NO_TIMESTAMP}. */
  long defaultTimestamp();

  /** Per-query keyspace (v5 only), or null. */
  String keyspace();

  /** Server "now" override (v5 only), or {@link QueryOptions#NO_NOW}. */
  int nowInSeconds();
}
