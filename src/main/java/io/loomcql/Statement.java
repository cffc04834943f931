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

  /**
   * The consistency level of this request.
   *
   * @param level the level, or null for the session's default ({@code LOCAL_ONE} unless the
   *     cluster was built with another)
   * @return a copy with the level set
   */
  public S setConsistencyLevel(ConsistencyLevel level) {
    Options o = options;
    return withOptions(new Options(level, o.serialConsistency, o.timeout, o.tracing, o.pageSize, o.pagingState,
        o.idempotent, o.timestamp, o.keyspace, o.routingKey, o.customPayload, o.nowInSeconds));
  }

  /**
   * The consistency level of the Paxos phase of a conditional statement (lightweight transaction).
   *
   * @param level {@link ConsistencyLevel#SERIAL} or {@link ConsistencyLevel#LOCAL_SERIAL}, or null
   *     for the session's default ({@code SERIAL} unless the cluster was built with another)
   * @return a copy with the level set
   * @throws IllegalArgumentException if {@code level} is not a serial level
   */
  public S setSerialConsistencyLevel(ConsistencyLevel level) {
    if (level != null && !level.isSerial()) {
      throw new IllegalArgumentException("serial consistency must be SERIAL or LOCAL_SERIAL, not " + level);
    }
    Options o = options;
    return withOptions(new Options(o.consistency, level, o.timeout, o.tracing, o.pageSize, o.pagingState,
        o.idempotent, o.timestamp, o.keyspace, o.routingKey, o.customPayload, o.nowInSeconds));
  }

  /**
   * Client-side timeout of this request: how long {@code execute} waits, retries and speculative
   * executions included, before it fails with {@link io.loomcql.error.OperationTimedOutException}.
   *
   * @param timeout the timeout, positive, or null for the session's default (10 s unless the
   *     cluster was built with another)
   * @return a copy with the timeout set
   * @throws IllegalArgumentException if {@code timeout} is zero or negative
   */
  public S setTimeout(Duration timeout) {
    if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
      throw new IllegalArgumentException("timeout must be positive, got " + timeout);
    }
    Options o = options;
    return withOptions(new Options(o.consistency, o.serialConsistency, timeout, o.tracing, o.pageSize,
        o.pagingState, o.idempotent, o.timestamp, o.keyspace, o.routingKey, o.customPayload, o.nowInSeconds));
  }

  /**
   * Whether the server traces this request. The trace's id is then in {@link
   * ExecutionInfo#tracingId()}. Off by default: tracing writes to {@code system_traces} on the
   * server.
   *
   * @param tracing {@code true} to trace
   * @return a copy with tracing set
   */
  public S setTracing(boolean tracing) {
    Options o = options;
    return withOptions(new Options(o.consistency, o.serialConsistency, o.timeout, tracing, o.pageSize,
        o.pagingState, o.idempotent, o.timestamp, o.keyspace, o.routingKey, o.customPayload, o.nowInSeconds));
  }

  /**
   * Rows per page; 0 or less takes the session's default (5000 unless the cluster was built with
   * another).
   *
   * @param pageSize the rows per page
   * @return a copy with the page size set
   */
  public S setPageSize(int pageSize) {
    Options o = options;
    return withOptions(new Options(o.consistency, o.serialConsistency, o.timeout, o.tracing, pageSize,
        o.pagingState, o.idempotent, o.timestamp, o.keyspace, o.routingKey, o.customPayload, o.nowInSeconds));
  }

  /**
   * Where to start reading: the {@link ResultSet#pagingState()} of an earlier page of the same
   * statement, to resume later or in another process.
   *
   * @param pagingState the paging state, or null to start at the first page; kept as a read-only
   *     view
   * @return a copy with the paging state set
   */
  public S setPagingState(ByteBuffer pagingState) {
    Options o = options;
    return withOptions(new Options(o.consistency, o.serialConsistency, o.timeout, o.tracing, o.pageSize,
        pagingState == null ? null : pagingState.asReadOnlyBuffer(), o.idempotent, o.timestamp, o.keyspace,
        o.routingKey, o.customPayload, o.nowInSeconds));
  }

  /**
   * Whether the statement may be applied twice with the same effect. Only idempotent statements
   * are retried after a write timeout or a connection lost mid-request, or executed
   * speculatively.
   *
   * @param idempotent {@code true} if it is safe to retry
   * @return a copy with idempotence set
   */
  public S setIdempotent(boolean idempotent) {
    Options o = options;
    return withOptions(new Options(o.consistency, o.serialConsistency, o.timeout, o.tracing, o.pageSize,
        o.pagingState, idempotent, o.timestamp, o.keyspace, o.routingKey, o.customPayload, o.nowInSeconds));
  }

  /**
   * The write timestamp of this statement, which overrides the timestamp generator.
   *
   * @param micros microseconds since the epoch; {@link #NO_TIMESTAMP} lets the driver's timestamp
   *     generator choose
   * @return a copy with the timestamp set
   */
  public S setTimestamp(long micros) {
    Options o = options;
    return withOptions(new Options(o.consistency, o.serialConsistency, o.timeout, o.tracing, o.pageSize,
        o.pagingState, o.idempotent, micros, o.keyspace, o.routingKey, o.customPayload, o.nowInSeconds));
  }

  /**
   * Keyspace for this statement alone, and for routing. It is sent only on protocol v5, and only
   * for simple statements and batches (a bound statement keeps the keyspace it was prepared in); on
   * v4 it serves routing only.
   *
   * @param keyspace the keyspace's name, or null for the session's
   * @return a copy with the keyspace set
   */
  public S setKeyspace(String keyspace) {
    Options o = options;
    return withOptions(new Options(o.consistency, o.serialConsistency, o.timeout, o.tracing, o.pageSize,
        o.pagingState, o.idempotent, o.timestamp, keyspace, o.routingKey, o.customPayload, o.nowInSeconds));
  }

  /**
   * The serialized partition key, for token-aware routing of a simple statement or a batch. A
   * bound statement computes its own from its partition-key values unless this is set.
   *
   * @param routingKey the key as {@link io.loomcql.metadata.TokenMap#newToken(ByteBuffer)} takes
   *     it, or null for none; kept as a read-only view
   * @return a copy with the routing key set
   */
  public S setRoutingKey(ByteBuffer routingKey) {
    Options o = options;
    return withOptions(new Options(o.consistency, o.serialConsistency, o.timeout, o.tracing, o.pageSize,
        o.pagingState, o.idempotent, o.timestamp, o.keyspace,
        routingKey == null ? null : routingKey.asReadOnlyBuffer(), o.customPayload, o.nowInSeconds));
  }

  /**
   * A custom payload sent with the request, for server-side plugins (a custom query handler).
   *
   * @param payload the entries; copied, empty for none
   * @return a copy with the payload set
   * @throws NullPointerException if {@code payload}, a key or a value is null
   */
  public S setCustomPayload(Map<String, ByteBuffer> payload) {
    Options o = options;
    return withOptions(new Options(o.consistency, o.serialConsistency, o.timeout, o.tracing, o.pageSize,
        o.pagingState, o.idempotent, o.timestamp, o.keyspace, o.routingKey,
        Map.copyOf(Objects.requireNonNull(payload, "payload")), o.nowInSeconds));
  }

  /**
   * The time, in seconds since the epoch, the server takes as "now" for TTLs and deletions in
   * this request (protocol v5; Cassandra 4.0+), for tests and replays; {@link #NO_NOW_IN_SECONDS}
   * leaves the server's clock. Executing a statement that sets it on protocol v4 or older throws
   * {@link IllegalArgumentException}.
   *
   * @param seconds seconds since the epoch, or {@link #NO_NOW_IN_SECONDS}
   * @return a copy with the time set
   */
  public S setNowInSeconds(int seconds) {
    Options o = options;
    return withOptions(new Options(o.consistency, o.serialConsistency, o.timeout, o.tracing, o.pageSize,
        o.pagingState, o.idempotent, o.timestamp, o.keyspace, o.routingKey, o.customPayload, seconds));
  }

  /** {@return the consistency level, or null for the session's default} */
  public ConsistencyLevel consistencyLevel() {
    return options.consistency;
  }

  /** {@return the serial consistency level, or null for the session's default} */
  public ConsistencyLevel serialConsistencyLevel() {
    return options.serialConsistency;
  }

  /** {@return the client-side timeout, or null for the session's default} */
  public Duration timeout() {
    return options.timeout;
  }

  /** {@return whether the server traces this request; false unless set} */
  public boolean isTracing() {
    return options.tracing;
  }

  /** {@return the rows per page; 0 or less for the session's default} */
  public int pageSize() {
    return options.pageSize;
  }

  /** {@return where reading starts (read-only), or null for the first page} */
  public ByteBuffer pagingState() {
    return options.pagingState;
  }

  /**
   * Whether the statement may be retried safely.
   *
   * @return the value set, or null for the session's default ({@code false} unless the cluster was
   *     built with another)
   */
  public Boolean isIdempotent() {
    return options.idempotent;
  }

  /** {@return the write timestamp in microseconds, or {@link #NO_TIMESTAMP}} */
  public long timestamp() {
    return options.timestamp;
  }

  /** {@return the keyspace set on the statement, or null for the session's} */
  public String keyspace() {
    return options.keyspace;
  }

  /** {@return the routing key set on the statement (read-only), or null} */
  public ByteBuffer routingKey() {
    return options.routingKey;
  }

  /** {@return the custom payload; empty unless set, unmodifiable} */
  public Map<String, ByteBuffer> customPayload() {
    return options.customPayload;
  }

  /**
   * The server's "now" for this request; see {@link #setNowInSeconds}.
   *
   * @return seconds since the epoch, or {@link #NO_NOW_IN_SECONDS}
   */
  public int nowInSeconds() {
    return options.nowInSeconds;
  }
}
