package io.loomcql;

import io.loomcql.metadata.Host;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Executes statements against the cluster. Thread-safe: share one session per keyspace (or one
 * per application) across all threads.
 *
 * <p>{@code execute} blocks the calling thread, which is meant to be a virtual thread;
 * {@code executeAsync} runs the same path on a new virtual thread. An {@code execute} on a closed
 * session throws {@link IllegalStateException} at once.
 */
public interface Session extends AutoCloseable {
  /**
   * Executes CQL text with positional values, as a {@link SimpleStatement} with default options.
   * Blocks until the first page of the result is in.
   *
   * @param cql the CQL text, with one {@code ?} per value
   * @param positionalValues the values, serialized from their Java classes (nulls bind CQL null)
   * @return the result's first page
   * @throws IllegalStateException if the session is closed
   * @throws io.loomcql.error.DriverException if the request fails: the node's error (a {@link
   *     io.loomcql.error.CoordinatorException}), {@link
   *     io.loomcql.error.OperationTimedOutException} after the timeout, or {@link
   *     io.loomcql.error.NoHostAvailableException} when every node tried failed
   */
  ResultSet execute(String cql, Object... positionalValues);

  /**
   * Executes CQL text with named values, as a {@link SimpleStatement} with default options.
   * Blocks until the first page of the result is in.
   *
   * @param cql the CQL text, with {@code :name} markers
   * @param namedValues the values by marker name, serialized from their Java classes
   * @return the result's first page
   * @throws IllegalStateException if the session is closed
   * @throws io.loomcql.error.DriverException if the request fails: the node's error (a {@link
   *     io.loomcql.error.CoordinatorException}), {@link
   *     io.loomcql.error.OperationTimedOutException} after the timeout, or {@link
   *     io.loomcql.error.NoHostAvailableException} when every node tried failed
   */
  ResultSet execute(String cql, Map<String, ?> namedValues);

  /**
   * Executes a statement, with retries and speculative executions as the policies decide. Blocks
   * until the first page of the result is in, or the statement's timeout (else the session's)
   * passes.
   *
   * @param statement the statement; options it leaves unset take the session's defaults
   * @return the result's first page
   * @throws NullPointerException if {@code statement} is null
   * @throws IllegalStateException if the session is closed
   * @throws io.loomcql.error.DriverException if the request fails: the node's error (a {@link
   *     io.loomcql.error.CoordinatorException}), {@link
   *     io.loomcql.error.OperationTimedOutException} after the timeout, or {@link
   *     io.loomcql.error.NoHostAvailableException} when every node tried failed
   */
  ResultSet execute(Statement<?> statement);

  /**
   * Like {@link #execute(String, Object...)}, on a virtual thread of its own.
   *
   * @param cql the CQL text, with one {@code ?} per value
   * @param positionalValues the values, serialized from their Java classes
   * @return the pending result; it fails with the exception {@code execute} would throw
   */
  ResponseFuture executeAsync(String cql, Object... positionalValues);

  /**
   * Like {@link #execute(String, Map)}, on a virtual thread of its own.
   *
   * @param cql the CQL text, with {@code :name} markers
   * @param namedValues the values by marker name
   * @return the pending result; it fails with the exception {@code execute} would throw
   */
  ResponseFuture executeAsync(String cql, Map<String, ?> namedValues);

  /**
   * Like {@link #execute(Statement)}, on a virtual thread of its own.
   *
   * @param statement the statement
   * @return the pending result; it fails with the exception {@code execute} would throw,
   *     including {@link IllegalStateException} at once if the session is closed
   */
  ResponseFuture executeAsync(Statement<?> statement);

  /**
   * Prepares a statement (once per query text and keyspace: later calls return the cached one).
   * Prepares it on one node, then on every other node up unless the cluster was built with {@code
   * withPrepareOnAllHosts(false)}. Bounded by the session's default timeout.
   *
   * @param cql the CQL text, with {@code ?} or {@code :name} markers
   * @return the prepared statement, shared by every caller of the same text and keyspace
   * @throws io.loomcql.error.SyntaxError or {@link io.loomcql.error.InvalidQueryException} when
   *     the node refuses it
   * @throws io.loomcql.error.NoHostAvailableException if no node could be reached
   * @throws IllegalStateException if the session is closed
   */
  PreparedStatement prepare(String cql);

  /**
   * Like {@link #prepare}, on a virtual thread of its own.
   *
   * @param cql the CQL text
   * @return the pending prepared statement; it fails with the exception {@code prepare} would throw
   */
  CompletableFuture<PreparedStatement> prepareAsync(String cql);

  /**
   * Executes the statements with at most {@code maxInFlight} at a time (the reference
   * {@code execute_concurrent}) and returns their results in input order. The first failure is
   * thrown once the statements already started are done; statements not yet started are skipped.
   * Each statement runs on a virtual thread of its own; the calling thread blocks.
   *
   * @param statements the statements, read in order as slots free
   * @param maxInFlight the most statements running at once, at least 1
   * @return the first page of each result, in input order
   * @throws IllegalArgumentException if {@code maxInFlight} is less than 1
   * @throws io.loomcql.error.DriverException the first failure met, after the running statements
   *     are done
   */
  List<ResultSet> executeConcurrent(Iterable<? extends Statement<?>> statements, int maxInFlight);

  /**
   * Maps a user type to a record (the reference driver's user_type_deserializers): its values are
   * read as the record, and the record binds as a value of the type, also inside collections.
   * Fields match components by name ({@code zip_code} fills {@code zipCode}). Mappings are
   * JVM-wide, keyed by keyspace and type.
   *
   * @param <T> the record type
   * @param keyspace the keyspace, as CQL names it: lower-cased unless double-quoted
   * @param userType the type's name, as CQL names it: lower-cased unless double-quoted
   * @param recordClass the record that stands for the type
   * @throws io.loomcql.error.UserTypeDoesNotExistException if the cluster has no such type
   */
  <T> void registerUserType(String keyspace, String userType, Class<T> recordClass);

  /**
   * Switches every connection of the session to the keyspace (and connections opened later), by
   * executing {@code USE}.
   *
   * @param keyspace the keyspace's name; a name that is not all lower case is quoted, so it must
   *     match the stored name exactly
   * @throws io.loomcql.error.InvalidQueryException if the keyspace does not exist
   */
  void setKeyspace(String keyspace);

  /** {@return the session's keyspace, as the server named it in its answer to USE, or null} */
  String keyspace();

  /** {@return the cluster this session belongs to} */
  Cluster cluster();

  /** {@return the nodes this session has pools for, as a new set} */
  Set<Host> hosts();

  /**
   * The session's pool for a node.
   *
   * @param host the node
   * @return the pool, or null if the session has none (an ignored or unknown node)
   */
  HostConnectionPool pool(Host host);

  /**
   * {@return the client-side timeout of requests that set none, and of prepare} The cluster's
   * {@code withRequestTimeout} at first (10 s by default).
   */
  Duration defaultTimeout();

  /**
   * Changes the timeout of later requests that set none, and of prepare.
   *
   * @param timeout the timeout, positive
   * @throws IllegalArgumentException if {@code timeout} is zero or negative
   */
  void setDefaultTimeout(Duration timeout);

  /**
   * {@return the consistency level of requests that set none} The cluster's at first ({@code
   * LOCAL_ONE} by default).
   */
  ConsistencyLevel defaultConsistencyLevel();

  /**
   * Changes the consistency level of later requests that set none.
   *
   * @param level the level
   * @throws NullPointerException if {@code level} is null
   */
  void setDefaultConsistencyLevel(ConsistencyLevel level);

  /**
   * {@return the serial consistency level of requests that set none} The cluster's at first
   * ({@code SERIAL} by default).
   */
  ConsistencyLevel defaultSerialConsistencyLevel();

  /**
   * Changes the serial consistency level of later requests that set none.
   *
   * @param level {@link ConsistencyLevel#SERIAL} or {@link ConsistencyLevel#LOCAL_SERIAL}
   * @throws IllegalArgumentException if {@code level} is not a serial level
   */
  void setDefaultSerialConsistencyLevel(ConsistencyLevel level);

  /** {@return whether the session was shut down, by itself or with its cluster} */
  boolean isClosed();

  /** Closes the session's connections; requests still in flight fail with a connection error. */
  void shutdown();

  @Override
  default void close() {
    shutdown();
  }
}
