package io.loomcql.internal.session;

import io.loomcql.BoundStatement;
import io.loomcql.Cluster;
import io.loomcql.ColumnDefinition;
import io.loomcql.ColumnDefinitions;
import io.loomcql.ConsistencyLevel;
import io.loomcql.ExecutionInfo;
import io.loomcql.HostConnectionPool;
import io.loomcql.PreparedStatement;
import io.loomcql.ProtocolVersion;
import io.loomcql.ResponseFuture;
import io.loomcql.ResultSet;
import io.loomcql.Session;
import io.loomcql.SimpleStatement;
import io.loomcql.Statement;
import io.loomcql.error.ConnectionException;
import io.loomcql.error.CoordinatorException;
import io.loomcql.error.NoHostAvailableException;
import io.loomcql.error.ProtocolError;
import io.loomcql.error.UnsupportedProtocolVersionException;
import io.loomcql.internal.DriverCleaner;
import io.loomcql.internal.connection.Connection;
import io.loomcql.internal.connection.Handshake;
import io.loomcql.internal.connection.ResponseFrame;
import io.loomcql.internal.pool.DefaultHostConnectionPool;
import io.loomcql.internal.pool.HostPool;
import io.loomcql.internal.protocol.ErrorDetails;
import io.loomcql.internal.protocol.ErrorMapper;
import io.loomcql.internal.protocol.ErrorResponse;
import io.loomcql.internal.protocol.Frame;
import io.loomcql.internal.protocol.Message;
import io.loomcql.internal.protocol.Prepare;
import io.loomcql.internal.protocol.PreparedResult;
import io.loomcql.internal.protocol.Request;
import io.loomcql.internal.protocol.RowsMetadata;
import io.loomcql.internal.protocol.RowsResult;
import io.loomcql.internal.protocol.SchemaChangeResult;
import io.loomcql.internal.protocol.SetKeyspaceResult;
import io.loomcql.internal.protocol.VoidResult;
import io.loomcql.metadata.Host;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session: runs each request on the caller's thread, from statement to result set. Shared by
 * all threads; its mutable settings are volatile fields, read once per request.
 */
public final class DefaultSession implements Session {
  private static final Logger LOG = LoggerFactory.getLogger(DefaultSession.class);

  private final Cluster cluster;
  private final DriverConfig config;
  private final ProtocolVersion version;
  private final DefaultHost host;
  private final HostPool pool;
  private final DefaultHostConnectionPool publicPool;
  private final RequestEncoder encoder;
  private final SessionResources resources;
  private final ConcurrentHashMap<String, DefaultPreparedStatement> prepared = new ConcurrentHashMap<>();
  private final AtomicReference<String> keyspace = new AtomicReference<>(); // read by the pool too
  private volatile Duration timeout;
  private volatile ConsistencyLevel consistency;
  private volatile ConsistencyLevel serialConsistency;

  private DefaultSession(
      Cluster cluster, DriverConfig config, InetSocketAddress address, String keyspace, ProtocolVersion version) {
    this.cluster = cluster;
    this.config = config;
    this.version = version;
    this.host = new DefaultHost(address);
    this.keyspace.set(keyspace);
    this.timeout = config.requestTimeout();
    this.consistency = config.consistency();
    this.serialConsistency = config.serialConsistency();
    this.encoder = new RequestEncoder(config, version);
    this.pool = new HostPool(
        address, config.connection().withVersion(version), config.connectionsPerHost(), config.requestTimeout(),
        this.keyspace::get, config.reconnection(), host::up);
    this.publicPool = new DefaultHostConnectionPool(host, pool);
    this.resources = new SessionResources(pool, "to " + address);
    DriverCleaner.register(this, resources);
  }

  /**
   * Connects to the first contact point that answers.
   *
   * @param knownVersion the version the cluster settled on at first contact, or null to negotiate
   *     (from the configured start, stepping down when a node says it does not speak it)
   * @throws NoHostAvailableException listing every contact point and its error, when none answers
   * @throws CoordinatorException when a node refuses the session itself (authentication, unknown
   *     keyspace): another node would refuse it too
   */
  public static DefaultSession open(
      Cluster cluster, DriverConfig config, String keyspace, ProtocolVersion knownVersion) {
    Map<Host, Throwable> errors = new LinkedHashMap<>();
    boolean negotiate = config.negotiateVersion() && knownVersion == null;
    ProtocolVersion version = knownVersion != null ? knownVersion : config.connection().version();
    for (InetSocketAddress address : config.contactPoints()) {
      while (true) {
        DefaultSession session = new DefaultSession(cluster, config, address, keyspace, version);
        try {
          session.pool.open();
          session.afterConnect();
          return session;
        } catch (UnsupportedProtocolVersionException e) {
          session.shutdown();
          ProtocolVersion lower = negotiate ? stepDown(e) : null;
          if (lower == null) {
            errors.put(session.host, e);
            break;
          }
          LOG.info("{} does not speak protocol {}; stepping down to {}", address, version, lower);
          version = lower;
        } catch (CoordinatorException e) {
          session.shutdown();
          throw e;
        } catch (RuntimeException e) {
          session.shutdown();
          LOG.debug("Cannot connect to contact point {}: {}", address, e.toString());
          errors.put(session.host, e);
          break;
        }
      }
    }
    throw new NoHostAvailableException("cannot connect to any contact point; check that Cassandra listens there", errors);
  }

  /** The version to try next: the one the node answered in, if lower, else one below; null below v3. */
  static ProtocolVersion stepDown(UnsupportedProtocolVersionException e) {
    int next = Math.min(e.serverVersion(), e.attempted().code() - 1);
    ProtocolVersion version = ProtocolVersion.fromCode(next);
    return version != null && version.isSupported() ? version : null;
  }

  /** The protocol version this session speaks. */
  public ProtocolVersion protocolVersion() {
    return version;
  }

  private void afterConnect() {
    Connection connection = pool.borrow();
    if (connection.keyspace() != null) {
      keyspace.set(connection.keyspace()); // the name as the server spells it
    }
    try {
      SystemLocal.describe(this, host);
    } catch (RuntimeException e) {
      LOG.debug("[{}] cannot read system.local: {}", host, e.toString());
    }
  }

  @Override
  public ResultSet execute(String cql, Object... positionalValues) {
    return execute(SimpleStatement.newInstance(cql, positionalValues));
  }

  @Override
  public ResultSet execute(String cql, Map<String, ?> namedValues) {
    return execute(SimpleStatement.newInstance(cql, namedValues));
  }

  @Override
  public ResultSet execute(Statement<?> statement) {
    Objects.requireNonNull(statement, "statement");
    checkOpen(statement);
    Request request = encoder.encode(statement, consistency, serialConsistency);
    Duration requestTimeout = statement.timeout() != null ? statement.timeout() : timeout;
    long deadline = System.nanoTime() + requestTimeout.toNanos();
    try {
      Connection connection = connection(deadline);
      Frame frame = roundTrip(connection, request, statement, deadline);
      if (frame.message() instanceof ErrorResponse error
          && error.details() instanceof ErrorDetails.Unprepared
          && statement instanceof BoundStatement bound) {
        // The node forgot the statement (restart, cache eviction): prepare it there again, once.
        reprepare(connection, bound.preparedStatement(), deadline);
        frame = roundTrip(connection, request, statement, deadline);
      }
      return toResultSet(statement, connection, frame, deadline);
    } catch (ConnectionException e) {
      throw connectionFailure(statement, e);
    }
  }

  @Override
  public PreparedStatement prepare(String cql) {
    Objects.requireNonNull(cql, "cql");
    String keyspaceNow = keyspace.get();
    String key = (keyspaceNow == null ? "" : keyspaceNow) + '\u0000' + cql;
    DefaultPreparedStatement cached = prepared.get(key);
    if (cached != null) {
      return cached;
    }
    checkOpen(cql);
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      Connection connection = connection(deadline);
      Message reply = connection.request(new Prepare(cql, null), deadline).message();
      if (reply instanceof ErrorResponse error) {
        throw ErrorMapper.toException(error, connection.address());
      }
      if (!(reply instanceof PreparedResult result)) {
        throw new ProtocolError(connection.address(), "unexpected " + reply.getClass().getSimpleName() + " for PREPARE");
      }
      DefaultPreparedStatement statement = new DefaultPreparedStatement(
          cql,
          keyspaceNow,
          result.id(),
          result.resultMetadataId(),
          ColumnDefinitions.of(result.variables().variables()),
          ColumnDefinitions.of(result.resultMetadata().columns() == null ? List.of() : result.resultMetadata().columns()),
          result.variables().partitionKeyIndices());
      DefaultPreparedStatement raced = prepared.putIfAbsent(key, statement);
      return raced != null ? raced : statement;
    } catch (ConnectionException e) {
      throw connectionFailure(cql, e);
    }
  }

  @Override
  public CompletableFuture<PreparedStatement> prepareAsync(String cql) {
    return onVirtualThread(new CompletableFuture<>(), () -> prepare(cql));
  }

  /** The async forms: the same blocking path, on a virtual thread of its own, completing the future. */
  private static <T, F extends CompletableFuture<T>> F onVirtualThread(F future, Supplier<T> work) {
    Thread.startVirtualThread(
        () -> {
          try {
            future.complete(work.get());
          } catch (Throwable t) {
            future.completeExceptionally(t);
          }
        });
    return future;
  }

  @Override
  public List<ResultSet> executeConcurrent(Iterable<? extends Statement<?>> statements, int maxInFlight) {
    return ConcurrentExecution.run(this, statements, maxInFlight);
  }

  private void reprepare(Connection connection, PreparedStatement statement, long deadline) {
    LOG.debug("[{}] node does not know {} any more; preparing it again", connection, statement);
    Message reply = connection.request(new Prepare(statement.query(), null), deadline).message();
    if (reply instanceof ErrorResponse error) {
      throw ErrorMapper.toException(error, connection.address());
    }
    if (reply instanceof PreparedResult result && !result.id().equals(statement.id())) {
      throw new IllegalStateException("re-preparing " + statement + " on " + connection.address()
          + " gave another id: the statement changed meaning (was the table altered?); prepare it again");
    }
  }

  private Connection connection(long deadline) {
    Connection connection = pool.borrow();
    String wanted = keyspace.get();
    if (wanted != null && !wanted.equals(connection.keyspace())) {
      Handshake.use(connection, wanted, deadline);
    }
    return connection;
  }

  private static Frame roundTrip(Connection connection, Request request, Statement<?> statement, long deadline) {
    ResponseFrame response = connection.send(request, statement.isTracing(), statement.customPayload(), deadline);
    return response.decode();
  }

  private RuntimeException connectionFailure(Object what, ConnectionException e) {
    if (resources.isClosed()) {
      return new IllegalStateException("the session was closed while executing " + what, e);
    }
    return new NoHostAvailableException("the request failed on every node tried", Map.of(host, e));
  }

  private void checkOpen(Object what) {
    if (resources.isClosed()) {
      throw new IllegalStateException("the session is closed; cannot execute " + what);
    }
  }

  private ResultSet toResultSet(Statement<?> statement, Connection connection, Frame frame, long deadline) {
    ExecutionInfo info = new ExecutionInfo(host, List.of(host), frame.warnings(), frame.tracingId(), 0);
    return switch (frame.message()) {
      case RowsResult rows -> {
        PageData page = new PageData(columns(statement, rows, connection), rows);
        yield new DefaultResultSet(this, statement, page, rows.metadata().pagingState(), info);
      }
      case VoidResult v -> new DefaultResultSet(this, statement, PageData.empty(), null, info);
      case SchemaChangeResult change -> new DefaultResultSet(this, statement, PageData.empty(), null, info);
      case SetKeyspaceResult set -> {
        connection.keyspace(set.keyspace());
        keyspace.set(set.keyspace());
        pool.switchKeyspace(set.keyspace(), deadline);
        yield new DefaultResultSet(this, statement, PageData.empty(), null, info);
      }
      case ErrorResponse error -> throw ErrorMapper.toException(error, connection.address());
      default ->
          throw new ProtocolError(
              connection.address(), "unexpected " + frame.message().getClass().getSimpleName() + " for " + statement);
    };
  }

  /** The columns of a page: from the page, or from the prepared statement when the page has none. */
  private static ColumnDefinitions columns(Statement<?> statement, RowsResult rows, Connection connection) {
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
      if (sameColumns(known, metadata.columns())) {
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

  @Override
  public ResponseFuture executeAsync(String cql, Object... positionalValues) {
    return executeAsync(SimpleStatement.newInstance(cql, positionalValues));
  }

  @Override
  public ResponseFuture executeAsync(String cql, Map<String, ?> namedValues) {
    return executeAsync(SimpleStatement.newInstance(cql, namedValues));
  }

  @Override
  public ResponseFuture executeAsync(Statement<?> statement) {
    ResponseFuture future = new ResponseFuture(statement, this);
    if (resources.isClosed()) {
      future.completeExceptionally(new IllegalStateException("the session is closed; cannot execute " + statement));
      return future;
    }
    return onVirtualThread(future, () -> execute(statement));
  }

  @Override
  public void setKeyspace(String keyspace) {
    execute("USE " + Handshake.quote(keyspace));
  }

  @Override
  public String keyspace() {
    return keyspace.get();
  }

  /** What closing this session releases; the cluster keeps these, not the sessions themselves. */
  public SessionResources resources() {
    return resources;
  }

  @Override
  public Cluster cluster() {
    return cluster;
  }

  @Override
  public Set<Host> hosts() {
    return Set.of(host);
  }

  @Override
  public HostConnectionPool pool(Host target) {
    return host.equals(target) ? publicPool : null;
  }

  @Override
  public Duration defaultTimeout() {
    return timeout;
  }

  @Override
  public void setDefaultTimeout(Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, got " + timeout);
    }
    this.timeout = timeout;
  }

  @Override
  public ConsistencyLevel defaultConsistencyLevel() {
    return consistency;
  }

  @Override
  public void setDefaultConsistencyLevel(ConsistencyLevel level) {
    this.consistency = Objects.requireNonNull(level, "level");
  }

  @Override
  public ConsistencyLevel defaultSerialConsistencyLevel() {
    return serialConsistency;
  }

  @Override
  public void setDefaultSerialConsistencyLevel(ConsistencyLevel level) {
    if (!level.isSerial()) {
      throw new IllegalArgumentException("serial consistency must be SERIAL or LOCAL_SERIAL, not " + level);
    }
    this.serialConsistency = level;
  }

  @Override
  public boolean isClosed() {
    return resources.isClosed();
  }

  @Override
  public void shutdown() {
    resources.close();
  }

  DriverConfig config() {
    return config;
  }

  @Override
  public String toString() {
    return "Session[" + host + (keyspace.get() == null ? "" : ", keyspace " + keyspace.get()) + "]";
  }
}
