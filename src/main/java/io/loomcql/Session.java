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
  ResultSet execute(String cql, Object... positionalValues);

  ResultSet execute(String cql, Map<String, ?> namedValues);

  ResultSet execute(Statement<?> statement);

  ResponseFuture executeAsync(String cql, Object... positionalValues);

  ResponseFuture executeAsync(String cql, Map<String, ?> namedValues);

  ResponseFuture executeAsync(Statement<?> statement);

  /**
   * Prepares a statement (once per query text and keyspace: later calls return the cached one).
   *
   * @throws io.loomcql.error.SyntaxError or {@link io.loomcql.error.InvalidQueryException} when
   *     the node refuses it
   */
  PreparedStatement prepare(String cql);

  CompletableFuture<PreparedStatement> prepareAsync(String cql);

  /**
   * Executes the statements with at most {@code maxInFlight} at a time (the reference
   * {@code execute_concurrent}) and returns their results in input order. The first failure is
   * thrown once the statements already started are done; statements not yet started are skipped.
   */
  List<ResultSet> executeConcurrent(Iterable<? extends Statement<?>> statements, int maxInFlight);

  /**
   * Maps a user type to a record (the reference driver's user_type_deserializers): its values are
   * read as the record, and the record binds as a value of the type, also inside collections.
   * Fields match components by name ({@code zip_code} fills {@code zipCode}). Mappings are
   * JVM-wide, keyed by keyspace and type.
   *
   * @throws io.loomcql.error.UserTypeDoesNotExistException if the cluster has no such type
   */
  <T> void registerUserType(String keyspace, String userType, Class<T> recordClass);

  /** Switches every connection of the session to the keyspace (and connections opened later). */
  void setKeyspace(String keyspace);

  /** The session's keyspace, or null. */
  String keyspace();

  Cluster cluster();

  /** The nodes this session has pools for. */
  Set<Host> hosts();

  /** The session's pool for that node, or null if the session has none (an ignored or unknown node). */
  HostConnectionPool pool(Host host);

  Duration defaultTimeout();

  void setDefaultTimeout(Duration timeout);

  ConsistencyLevel defaultConsistencyLevel();

  void setDefaultConsistencyLevel(ConsistencyLevel level);

  ConsistencyLevel defaultSerialConsistencyLevel();

  void setDefaultSerialConsistencyLevel(ConsistencyLevel level);

  boolean isClosed();

  /** Closes the session's connections; requests still in flight fail with a connection error. */
  void shutdown();

  @Override
  default void close() {
    shutdown();
  }
}
