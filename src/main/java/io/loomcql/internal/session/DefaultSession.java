package io.loomcql.internal.session;

import io.loomcql.BoundStatement;
import io.loomcql.Cluster;
import io.loomcql.ColumnDefinitions;
import io.loomcql.ConsistencyLevel;
import io.loomcql.ExecutionInfo;
import io.loomcql.HostConnectionPool;
import io.loomcql.PreparedStatement;
import io.loomcql.ProtocolVersion;
import io.loomcql.QueryTrace;
import io.loomcql.ResponseFuture;
import io.loomcql.ResultSet;
import io.loomcql.Session;
import io.loomcql.SimpleStatement;
import io.loomcql.Statement;
import io.loomcql.error.ConnectionException;
import io.loomcql.error.CoordinatorException;
import io.loomcql.error.NoHostAvailableException;
import io.loomcql.error.ProtocolError;
import io.loomcql.error.UserTypeDoesNotExistException;
import io.loomcql.internal.mapping.UserTypeMappings;
import io.loomcql.internal.metrics.SessionMetrics;
import io.loomcql.internal.DriverCleaner;
import io.loomcql.internal.connection.Connection;
import io.loomcql.internal.connection.Handshake;
import io.loomcql.internal.connection.RequestNotSentException;
import io.loomcql.internal.connection.ResponseFrame;
import io.loomcql.internal.control.ControlConnection;
import io.loomcql.internal.protocol.ErrorDetails;
import io.loomcql.internal.protocol.ErrorMapper;
import io.loomcql.internal.protocol.ErrorResponse;
import io.loomcql.internal.protocol.Message;
import io.loomcql.internal.protocol.Prepare;
import io.loomcql.internal.protocol.PreparedResult;
import io.loomcql.internal.protocol.Request;
import io.loomcql.internal.protocol.RowsResult;
import io.loomcql.internal.protocol.SchemaChangeResult;
import io.loomcql.internal.protocol.SetKeyspaceResult;
import io.loomcql.internal.protocol.VoidResult;
import io.loomcql.metadata.Host;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
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
  private final SessionPools pools;
  private final ControlConnection control;
  private final RequestEncoder encoder;
  private final SessionResources resources;
  private final RequestRunner runner;
  private final ConcurrentHashMap<String, DefaultPreparedStatement> prepared = new ConcurrentHashMap<>();
  private final AtomicReference<String> keyspace = new AtomicReference<>(); // read by the pools too
  private volatile Duration timeout;
  private volatile ConsistencyLevel consistency;
  private volatile ConsistencyLevel serialConsistency;

  private DefaultSession(
      Cluster cluster, DriverConfig config, String keyspace, ControlConnection control, DriverMetrics metrics) {
    this.cluster = cluster;
    this.config = config;
    this.version = control.version();
    this.keyspace.set(keyspace);
    this.timeout = config.requestTimeout();
    this.consistency = config.consistency();
    this.serialConsistency = config.serialConsistency();
    this.encoder = new RequestEncoder(config, version);
    this.control = control;
    this.pools = new SessionPools(
        List.copyOf(control.registry().all()), config.connection().withVersion(version), config, this.keyspace::get);
    this.resources = new SessionResources(pools, control.registry(), "keyspace " + keyspace);
    SessionMetrics sessionMetrics = metrics == null ? null : metrics.newSession();
    this.runner = new RequestRunner(this, pools, config, sessionMetrics);
    if (metrics != null) {
      metrics.attach(resources, sessionMetrics, pools);
    }
    if (config.requests().reprepareOnUp()) {
      pools.onBackUp(Preparer.reprepareOnUp(prepared.values(), config.requestTimeout(), resources));
    }
    DriverCleaner.register(this, resources);
  }

  /**
   * Opens a session with a pool per node the control connection found: the node it reached
   * first at once, the others in the background.
   *
   * @throws NoHostAvailableException when no node accepts a connection
   * @throws CoordinatorException when a node refuses the session itself (unknown keyspace)
   */
  public static DefaultSession open(
      Cluster cluster, DriverConfig config, String keyspace, ControlConnection control, DriverMetrics metrics) {
    DefaultSession session = new DefaultSession(cluster, config, keyspace, control, metrics);
    try {
      control.registry().addListener(session.pools);
      session.pools.sync(control.registry().all());
      session.pools.open(control.address());
      return session;
    } catch (RuntimeException e) {
      session.shutdown();
      throw e;
    }
  }

  /** The protocol version this session speaks. */
  public ProtocolVersion protocolVersion() {
    return version;
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
    return execute(statement, Statement.NO_TIMESTAMP);
  }

  /** @param timestamp drawn on the submitting thread, or {@link Statement#NO_TIMESTAMP} to draw it here */
  private ResultSet execute(Statement<?> statement, long timestamp) {
    Objects.requireNonNull(statement, "statement");
    checkOpen(statement);
    Request request = encoder.encode(statement, consistency, serialConsistency, timestamp);
    Duration requestTimeout = statement.timeout() != null ? statement.timeout() : timeout;
    long start = System.nanoTime();
    return runner.execute(statement, request, routingKeyspace(statement), isIdempotent(statement), start,
        start + requestTimeout.toNanos());
  }

  /**
   * The keyspace a statement works in, for routing: its own, else (bound) the one its markers
   * belong to, else the session's.
   */
  private String routingKeyspace(Statement<?> statement) {
    String own = statement.keyspace();
    if (own != null) {
      return own;
    }
    if (statement instanceof BoundStatement bound && bound.preparedStatement().variableDefinitions().size() > 0) {
      String markers = bound.preparedStatement().variableDefinitions().get(0).keyspace();
      if (markers != null) {
        return markers;
      }
    }
    return keyspace.get();
  }

  private boolean isIdempotent(Statement<?> statement) {
    Boolean idempotent = statement.isIdempotent();
    return idempotent != null ? idempotent : config.defaultIdempotence();
  }

  private static Map<Host, Throwable> record(Map<Host, Throwable> errors, Host host, Throwable error) {
    Map<Host, Throwable> map = errors == null ? new LinkedHashMap<>() : errors;
    map.put(host, error);
    return map;
  }

  /** The error for a request no node took: the session closing under it, or every node's own error. */
  RuntimeException noHost(Object what, Map<Host, Throwable> errors) {
    if (resources.isClosed()) {
      return new IllegalStateException("the session was closed while executing " + what);
    }
    return NoHosts.exception("every node tried failed for " + what, errors == null ? Map.of() : errors,
        config.loadBalancing());
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
    Map<Host, Throwable> errors = null;
    Iterator<Host> plan = config.loadBalancing().newQueryPlan(keyspaceNow, null);
    while (plan.hasNext()) {
      SessionPools.Entry node = pools.entry(plan.next());
      if (node == null) {
        continue;
      }
      Connection connection;
      Message reply;
      try {
        connection = connection(node, deadline);
        reply = connection.request(new Prepare(cql, null), deadline).message();
      } catch (ConnectionException e) {
        errors = record(errors, node.host(), e); // preparing twice is harmless: try the next node
        continue;
      }
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
      if (raced != null) {
        return raced;
      }
      if (config.requests().prepareOnAllHosts()) {
        prepareOnOthers(statement, node, deadline);
      }
      return statement;
    }
    throw noHost(cql, errors);
  }

  /** So that the first execution on each node needs no extra round trip to prepare there. */
  private void prepareOnOthers(DefaultPreparedStatement statement, SessionPools.Entry done, long deadline) {
    List<Preparer.Task> tasks = new ArrayList<>();
    for (SessionPools.Entry entry : pools.entries()) {
      if (entry != done && entry.host().isUp() && entry.pool().hasUsableConnection()) {
        tasks.add(new Preparer.Task(entry, statement));
      }
    }
    if (!tasks.isEmpty()) {
      Preparer.run(tasks, tasks.size(), deadline);
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

  void reprepare(Connection connection, PreparedStatement statement, long deadline) {
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

  Connection connection(SessionPools.Entry node, long deadline) {
    return connection(node, deadline, true);
  }

  /** @param waitForAttempt whether to wait for a connection attempt under way (else fail at once) */
  Connection connection(SessionPools.Entry node, long deadline, boolean waitForAttempt) {
    Connection connection = node.pool().borrow(deadline, waitForAttempt);
    String wanted = keyspace.get();
    if (wanted != null && !wanted.equals(connection.keyspace())) {
      Handshake.use(connection, wanted, deadline);
    }
    return connection;
  }

  private void checkOpen(Object what) {
    if (resources.isClosed()) {
      throw new IllegalStateException("the session is closed; cannot execute " + what);
    }
  }

  /**
   * The result of an answer that is no error, once what it changed (keyspace, schema) is applied.
   *
   * @param state the request's state, or null when this was the first attempt of its only
   *     execution (then it made none)
   */
  ResultSet toResultSet(
      Statement<?> statement, Connection connection, ResponseFrame answer, SessionPools.Entry node,
      RequestState state, int execution, long deadlineNanos) {
    Host coordinator = node.host();
    Message message = answer.message(null); // decoded by the runner already
    boolean agreed = true;
    if (message instanceof SchemaChangeResult change) {
      // Metadata is current when a DDL statement returns: wait for the nodes, then read the change.
      agreed = config.maxSchemaAgreementWait().isZero() || control.awaitSchemaAgreement(connection);
      control.schemaChanged(change);
    }
    UUID tracingId = answer.tracingId();
    if (state == null) {
      // Answered at the first attempt of the only execution (a request with a state had an attempt
      // fail, or races): nothing can change how it went, so its ExecutionInfo waits until asked for.
      if (message instanceof RowsResult rows) {
        PageData page = new PageData(ResultSets.columns(statement, rows, connection), rows);
        return new DefaultResultSet(this, statement, page, rows.metadata().pagingState(), coordinator,
            answer.warnings(), tracingId);
      }
      if (message instanceof VoidResult) {
        return answer.warnings().isEmpty() && tracingId == null
            ? node.voidResult()
            : new DefaultResultSet(this, statement, PageData.empty(), null, coordinator, answer.warnings(), tracingId);
      }
    }
    ExecutionInfo info = executionInfo(state, coordinator, execution, answer.warnings(), tracingId, agreed);
    return switch (message) {
      case RowsResult rows -> {
        PageData page = new PageData(ResultSets.columns(statement, rows, connection), rows);
        yield new DefaultResultSet(this, statement, page, rows.metadata().pagingState(), info);
      }
      case VoidResult v -> new DefaultResultSet(this, statement, PageData.empty(), null, info);
      case SchemaChangeResult change -> new DefaultResultSet(this, statement, PageData.empty(), null, info);
      case SetKeyspaceResult set -> {
        connection.keyspace(set.keyspace());
        keyspace.set(set.keyspace());
        pools.switchKeyspace(set.keyspace(), deadlineNanos);
        yield new DefaultResultSet(this, statement, PageData.empty(), null, info);
      }
      default ->
          throw new ProtocolError(
              connection.address(), "unexpected " + message.getClass().getSimpleName() + " for " + statement);
    };
  }

  /**
   * @param state the request's state, or null when it was answered at its first attempt in its
   *     only execution (it made none)
   */
  ExecutionInfo executionInfo(
      RequestState state, Host coordinator, int execution, List<String> warnings, UUID tracingId, boolean agreed) {
    Function<Duration, QueryTrace> traces =
        tracingId == null ? null : maxWait -> QueryTraces.fetch(this, tracingId, maxWait);
    return state == null
        ? RequestState.answeredAtOnce(coordinator, warnings, tracingId, agreed, traces)
        : state.info(coordinator, execution, warnings, tracingId, agreed, traces);
  }

  /** The empty result a retry policy's IGNORE gives the caller. */
  ResultSet ignored(Statement<?> statement, Host coordinator, RequestState state, int execution) {
    ExecutionInfo info = state.info(coordinator, execution, List.of(), null, true, null);
    return new DefaultResultSet(this, statement, PageData.empty(), null, info);
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
    // Drawn here, on the submitting thread, so that writes submitted one after the other are
    // ordered on the node as submitted, whichever of their virtual threads runs first.
    long timestamp = statement == null ? Statement.NO_TIMESTAMP : encoder.timestampFor(statement);
    return onVirtualThread(future, () -> execute(statement, timestamp));
  }

  @Override
  public <T> void registerUserType(String keyspace, String userType, Class<T> recordClass) {
    ResultSet found = execute(SimpleStatement.newInstance(
            "SELECT type_name FROM system_schema.types WHERE keyspace_name = ? AND type_name = ?",
            unquote(keyspace), unquote(userType))
        .setIdempotent(true));
    if (found.one() == null) {
      throw new UserTypeDoesNotExistException(keyspace, userType);
    }
    UserTypeMappings.register(unquote(keyspace), unquote(userType), recordClass);
  }

  /** CQL folds unquoted names to lower case and keeps quoted ones as written. */
  private static String unquote(String name) {
    return name.length() > 1 && name.startsWith("\"") && name.endsWith("\"")
        ? name.substring(1, name.length() - 1)
        : name.toLowerCase(java.util.Locale.ROOT);
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
    Set<Host> hosts = new java.util.LinkedHashSet<>();
    pools.entries().forEach(entry -> hosts.add(entry.host()));
    return hosts;
  }

  @Override
  public HostConnectionPool pool(Host target) {
    for (SessionPools.Entry entry : pools.entries()) {
      if (entry.host().equals(target)) {
        return entry.view();
      }
    }
    return null;
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
    return "Session[" + pools.entries().size() + " node(s)" + (keyspace.get() == null ? "" : ", keyspace " + keyspace.get()) + "]";
  }
}
