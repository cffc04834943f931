package io.loomcql;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * A statement to execute, with its per-request options. Immutable: every {@code setX} returns a
 * copy, so one statement can be shared by many threads and reused. An option left unset (null,
 * or the documented "unset" value) takes the session's default.
 *
 * @param <S> the concrete statement type, returned by the setters
 */
public abstract sealed class Statement<S extends Statement<S>>
    permits SimpleStatement, BoundStatement, BatchStatement {
  /** Marks {@link #timestamp()} as not set: the driver's timestamp generator supplies one. */
  public static final long NO_TIMESTAMP = Long.MIN_VALUE;

  /** Marks {@link #nowInSeconds()} as not set: the server uses its own clock. */
  public static final int NO_NOW_IN_SECONDS = Integer.MIN_VALUE;

  /** All options in one value, so that a copy is one allocation. */
  record Options(
      ConsistencyLevel consistency,
      ConsistencyLevel serialConsistency,
      Duration timeout,
      boolean tracing,
      int pageSize,
      ByteBuffer pagingState,
      Boolean idempotent,
      long timestamp,
      String keyspace,
      ByteBuffer routingKey,
      Map<String, ByteBuffer> customPayload,
      int nowInSeconds) {
    static final Options DEFAULT =
        new Options(null, null, null, false, 0, null, null, NO_TIMESTAMP, null, null, Map.of(), NO_NOW_IN_SECONDS);
  }

  final Options options;

  Statement(Options options) {
    this.options = options;
  }

  abstract S withOptions(Options options);

  public S setConsistencyLevel(ConsistencyLevel level) {
    Options o = options;
    return withOptions(new Options(level, o.serialConsistency, o.timeout, o.tracing, o.pageSize, o.pagingState,
        o.idempotent, o.timestamp, o.keyspace, o.routingKey, o.customPayload, o.nowInSeconds));
  }

  public S setSerialConsistencyLevel(ConsistencyLevel level) {
    if (level != null && !level.isSerial()) {
      throw new IllegalArgumentException("serial consistency must be SERIAL or LOCAL_SERIAL, not " + level);
    }
    Options o = options;
    return withOptions(new Options(o.consistency, level, o.timeout, o.tracing, o.pageSize, o.pagingState,
        o.idempotent, o.timestamp, o.keyspace, o.routingKey, o.customPayload, o.nowInSeconds));
  }

  /** Client-side timeout of this request; null takes the session's default. */
  public S setTimeout(Duration timeout) {
    if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
      throw new IllegalArgumentException("timeout must be positive, got " + timeout);
    }
    Options o = options;
    return withOptions(new Options(o.consistency, o.serialConsistency, timeout, o.tracing, o.pageSize,
        o.pagingState, o.idempotent, o.timestamp, o.keyspace, o.routingKey, o.customPayload, o.nowInSeconds));
  }

  public S setTracing(boolean tracing) {
    Options o = options;
    return withOptions(new Options(o.consistency, o.serialConsistency, o.timeout, tracing, o.pageSize,
        o.pagingState, o.idempotent, o.timestamp, o.keyspace, o.routingKey, o.customPayload, o.nowInSeconds));
  }

  /** Rows per page; 0 or less takes the session's default (5000). */
  public S setPageSize(int pageSize) {
    Options o = options;
    return withOptions(new Options(o.consistency, o.serialConsistency, o.timeout, o.tracing, pageSize,
        o.pagingState, o.idempotent, o.timestamp, o.keyspace, o.routingKey, o.customPayload, o.nowInSeconds));
  }

  public S setPagingState(ByteBuffer pagingState) {
    Options o = options;
    return withOptions(new Options(o.consistency, o.serialConsistency, o.timeout, o.tracing, o.pageSize,
        pagingState == null ? null : pagingState.asReadOnlyBuffer(), o.idempotent, o.timestamp, o.keyspace,
        o.routingKey, o.customPayload, o.nowInSeconds));
  }

  public S setIdempotent(boolean idempotent) {
    Options o = options;
    return withOptions(new Options(o.consistency, o.serialConsistency, o.timeout, o.tracing, o.pageSize,
        o.pagingState, idempotent, o.timestamp, o.keyspace, o.routingKey, o.customPayload, o.nowInSeconds));
  }

  /** Write timestamp in microseconds since the epoch; {@link #NO_TIMESTAMP} lets the driver choose. */
  public S setTimestamp(long micros) {
    Options o = options;
    return withOptions(new Options(o.consistency, o.serialConsistency, o.timeout, o.tracing, o.pageSize,
        o.pagingState, o.idempotent, micros, o.keyspace, o.routingKey, o.customPayload, o.nowInSeconds));
  }

  /** Keyspace for this statement alone (protocol v5), and for routing. */
  public S setKeyspace(String keyspace) {
    Options o = options;
    return withOptions(new Options(o.consistency, o.serialConsistency, o.timeout, o.tracing, o.pageSize,
        o.pagingState, o.idempotent, o.timestamp, keyspace, o.routingKey, o.customPayload, o.nowInSeconds));
  }

  /** The serialized partition key, for token-aware routing of a simple statement. */
  public S setRoutingKey(ByteBuffer routingKey) {
    Options o = options;
    return withOptions(new Options(o.consistency, o.serialConsistency, o.timeout, o.tracing, o.pageSize,
        o.pagingState, o.idempotent, o.timestamp, o.keyspace,
        routingKey == null ? null : routingKey.asReadOnlyBuffer(), o.customPayload, o.nowInSeconds));
  }

  public S setCustomPayload(Map<String, ByteBuffer> payload) {
    Options o = options;
    return withOptions(new Options(o.consistency, o.serialConsistency, o.timeout, o.tracing, o.pageSize,
        o.pagingState, o.idempotent, o.timestamp, o.keyspace, o.routingKey,
        Map.copyOf(Objects.requireNonNull(payload, "payload")), o.nowInSeconds));
  }

  /**
   * The time, in seconds since the epoch, the server takes as "now" for TTLs and deletions in
   * this request (protocol v5; Cassandra 4.0+), for tests and replays; {@link #NO_NOW_IN_SECONDS}
   * leaves the server's clock.
   */
  public S setNowInSeconds(int seconds) {
    Options o = options;
    return withOptions(new Options(o.consistency, o.serialConsistency, o.timeout, o.tracing, o.pageSize,
        o.pagingState, o.idempotent, o.timestamp, o.keyspace, o.routingKey, o.customPayload, seconds));
  }

  public ConsistencyLevel consistencyLevel() {
    return options.consistency;
  }

  public ConsistencyLevel serialConsistencyLevel() {
    return options.serialConsistency;
  }

  public Duration timeout() {
    return options.timeout;
  }

  public boolean isTracing() {
    return options.tracing;
  }

  public int pageSize() {
    return options.pageSize;
  }

  public ByteBuffer pagingState() {
    return options.pagingState;
  }

  /** Whether the statement may be retried safely; null means the session's default. */
  public Boolean isIdempotent() {
    return options.idempotent;
  }

  public long timestamp() {
    return options.timestamp;
  }

  public String keyspace() {
    return options.keyspace;
  }

  public ByteBuffer routingKey() {
    return options.routingKey;
  }

  public Map<String, ByteBuffer> customPayload() {
    return options.customPayload;
  }

  /** See {@link #setNowInSeconds}. */
  public int nowInSeconds() {
    return options.nowInSeconds;
  }
}
