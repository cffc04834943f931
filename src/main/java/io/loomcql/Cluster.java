package io.loomcql;

import io.loomcql.auth.AuthProvider;
import io.loomcql.internal.DriverCleaner;
import io.loomcql.internal.DriverResources;
import io.loomcql.internal.connection.ConnectionConfig;
import io.loomcql.internal.control.ControlConnection;
import io.loomcql.internal.metadata.DefaultHost;
import io.loomcql.internal.protocol.FrameCodec;
import io.loomcql.internal.protocol.compression.Compressors;
import io.loomcql.internal.session.ContactPoints;
import io.loomcql.internal.session.DefaultSession;
import io.loomcql.internal.session.DriverMetrics;
import io.loomcql.internal.session.DriverConfig;
import io.loomcql.internal.session.SessionResources;
import io.loomcql.metadata.Host;
import io.loomcql.metadata.Metadata;
import io.loomcql.policy.AddressTranslator;
import io.loomcql.policy.ConvictionPolicy;
import io.loomcql.policy.DcAwareRoundRobinPolicy;
import io.loomcql.policy.DefaultRetryPolicy;
import io.loomcql.policy.MonotonicTimestampGenerator;
import io.loomcql.policy.NoSpeculativeExecutionPolicy;
import io.loomcql.policy.RequestThrottler;
import io.loomcql.policy.RetryPolicy;
import io.loomcql.policy.SpeculativeExecutionPolicy;
import io.loomcql.policy.TimestampGenerator;
import io.loomcql.policy.ExponentialReconnectionPolicy;
import io.loomcql.policy.LoadBalancingPolicy;
import io.loomcql.policy.ReconnectionPolicy;
import io.loomcql.policy.SimpleConvictionPolicy;
import io.loomcql.policy.TokenAwarePolicy;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import javax.net.ssl.SSLContext;
import org.slf4j.LoggerFactory;

/**
 * The entry point: the cluster's configuration and the sessions opened on it. Build one per
 * cluster and application with {@link #builder()}; it is thread-safe. Closing it closes every
 * session it opened.
 */
public final class Cluster implements AutoCloseable {
  private final DriverConfig config;
  // What closing releases; not the sessions themselves, so that a dropped cluster can be cleaned.
  private final List<SessionResources> sessions = new CopyOnWriteArrayList<>();
  private final AtomicBoolean closed = new AtomicBoolean();
  // Completed once shutdown() has released everything; every closeAsync() returns the same view of it.
  private final CompletableFuture<Void> closeDone = new CompletableFuture<>();
  private final CompletionStage<Void> closeStage = closeDone.minimalCompletionStage();
  private final DriverMetrics metrics; // null unless withMetrics(true)
  // Opened by the first connect(); shared by every session. A holder, so the cleaner can close it.
  private final AtomicReference<ControlConnection> control = new AtomicReference<>();
  private final ReentrantLock controlLock = new ReentrantLock();

  private Cluster(DriverConfig config) {
    this.config = config;
    this.metrics = config.metrics() ? new DriverMetrics() : null;
    DriverCleaner.register(this, new ClusterCleanup(sessions, closed, control, metrics));
  }

  /** Closes what a cluster dropped without close() still holds, with a WARN. Never references the cluster. */
  private record ClusterCleanup(
      List<SessionResources> sessions,
      AtomicBoolean closed,
      AtomicReference<ControlConnection> control,
      DriverMetrics metrics)
      implements Runnable {
    @Override
    public void run() {
      if (closed.compareAndSet(false, true)) {
        LoggerFactory.getLogger(Cluster.class)
            .warn("A Cluster was never closed and became unreachable; closing its {} session(s) now."
                + " Close clusters (try-with-resources) to release connections at once.", sessions.size());
        sessions.forEach(SessionResources::close);
        ControlConnection connection = control.getAndSet(null);
        if (connection != null) {
          connection.close();
        }
        if (metrics != null) {
          metrics.close();
        }
      }
    }
  }

  /**
   * The request metrics of every session of this cluster.
   *
   * @return the live metrics; each of their calls takes a fresh snapshot
   * @throws IllegalStateException if the cluster was built without {@code withMetrics(true)}
   */
  public Metrics metrics() {
    if (metrics == null) {
      throw new IllegalStateException("metrics are off: build the cluster with withMetrics(true)");
    }
    return metrics;
  }

  /** {@return a builder holding the defaults} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Opens a session with no keyspace: statements name their tables with the keyspace, or {@code
   * Session.setKeyspace} picks one later.
   *
   * @return the new session
   * @throws io.loomcql.error.NoHostAvailableException if no contact point could be reached
   * @throws IllegalStateException if the cluster is closed
   */
  public Session connect() {
    return connect(null);
  }

  /**
   * Opens a session whose connections use {@code keyspace}. The first session also opens the
   * control connection, which discovers the nodes and reads the schema.
   *
   * @param keyspace the keyspace, or null for none
   * @return the new session
   * @throws io.loomcql.error.NoHostAvailableException if no contact point could be reached
   * @throws IllegalStateException if the cluster is closed
   */
  public Session connect(String keyspace) {
    if (closed.get()) {
      throw new IllegalStateException("the cluster is closed");
    }
    DefaultSession session = DefaultSession.open(this, config, keyspace, control(), metrics);
    sessions.removeIf(SessionResources::isClosed);
    sessions.add(session.resources());
    if (closed.get()) { // closed while we were connecting
      session.shutdown();
      throw new IllegalStateException("the cluster is closed");
    }
    return session;
  }

  /**
   * The control connection, opened on first use: it negotiates the protocol version (first
   * contact only: every later connection uses that version) and discovers the nodes.
   */
  private ControlConnection control() {
    ControlConnection connection = control.get();
    if (connection != null) {
      return connection;
    }
    controlLock.lock();
    try {
      connection = control.get();
      if (connection == null) {
        connection = ControlConnection.open(config);
        control.set(connection);
        if (closed.get()) { // shut down while we were connecting
          control.set(null);
          connection.close();
          throw new IllegalStateException("the cluster is closed");
        }
      }
      return connection;
    } finally {
      controlLock.unlock();
    }
  }

  /** {@return the protocol version in use once connected, else null} */
  public ProtocolVersion protocolVersion() {
    ControlConnection connection = control.get();
    return connection == null ? null : connection.version();
  }

  /**
   * What the driver knows of the cluster: its name, partitioner, nodes, schema and token map, kept
   * current by the cluster's events. Connects the control connection if no session did yet.
   *
   * @return the live metadata
   * @throws IllegalStateException if the cluster is closed
   * @throws io.loomcql.error.NoHostAvailableException if it had to connect and no contact point
   *     could be reached
   */
  public Metadata metadata() {
    if (closed.get()) {
      throw new IllegalStateException("the cluster is closed");
    }
    return control().metadata();
  }

  /** {@return whether {@link #shutdown()} or {@link #close()} was called} */
  public boolean isClosed() {
    return closed.get();
  }

  /**
   * Adds a node the driver did not discover (as the reference driver's {@code add_host}): it joins
   * the node list, and with {@code signal} every open session opens a pool to it at once.
   * Connects the control connection if no session did yet.
   *
   * @param address the node's native transport address
   * @param datacenter the node's datacenter, or null if not known
   * @param rack the node's rack, or null if not known
   * @param signal {@code true} to tell the sessions and the load balancing policy now; {@code
   *     false} adds it to the node list only
   * @return the node, new or already known (then unchanged)
   * @throws NullPointerException if {@code address} is null
   */
  public Host addHost(InetSocketAddress address, String datacenter, String rack, boolean signal) {
    Objects.requireNonNull(address, "address");
    return control().registry().add(address, datacenter, rack, signal);
  }

  /**
   * Forgets a node: it leaves the node list and every session closes its pool to it. A later
   * refresh of the node list adds it back if the cluster still reports it.
   *
   * @param host a node of this cluster's metadata
   * @return true if the node was known
   * @throws NullPointerException if {@code host} is null
   */
  public boolean removeHost(Host host) {
    Objects.requireNonNull(host, "host");
    return host instanceof DefaultHost known && control().registry().remove(known);
  }

  /** Closes every session opened by this cluster. Idempotent. */
  public void shutdown() {
    if (closed.compareAndSet(false, true)) {
      try {
        sessions.forEach(SessionResources::close);
        sessions.clear();
        ControlConnection connection = control.getAndSet(null);
        if (connection != null) {
          connection.close();
        }
        if (metrics != null) {
          metrics.close();
        }
        closeDone.complete(null);
      } catch (RuntimeException | Error e) {
        closeDone.completeExceptionally(e);
        throw e;
      }
    }
  }

  /**
   * Closes the cluster as {@link #shutdown()} does, on a virtual thread, without making the caller
   * wait. Idempotent: every call returns the same stage, completed once the first close finished
   * (also when that close came from {@link #close()}).
   *
   * @return a stage completed when every session, the control connection and the metrics are closed
   */
  public CompletionStage<Void> closeAsync() {
    if (!closed.get()) {
      DriverResources.startThread("loomcql-cluster-close", this::shutdown);
    }
    return closeStage;
  }

  @Override
  public void close() {
    shutdown();
  }

  /** Options with the reference drivers' defaults; {@link #build()} checks them. */
  public static final class Builder {
    private final List<String> contactPoints = new ArrayList<>();
    private final List<InetSocketAddress> contactAddresses = new ArrayList<>();
    private int port = 9042;
    private AuthProvider authProvider;
    private ProtocolVersion protocolVersion; // null: negotiate, starting at the highest
    private Compression compression = Compression.NONE;
    private Duration requestTimeout = Duration.ofSeconds(10);
    private SocketOptions socketOptions = SocketOptions.DEFAULT;
    private Duration heartbeatInterval = ConnectionConfig.DEFAULT_HEARTBEAT;
    private Duration heartbeatTimeout = ConnectionConfig.DEFAULT_HEARTBEAT;
    private int maxOrphans = ConnectionConfig.DEFAULT_MAX_ORPHANS;
    private int maxFrameLength = FrameCodec.DEFAULT_MAX_BODY_LENGTH;
    private ReconnectionPolicy reconnectionPolicy =
        new ExponentialReconnectionPolicy(Duration.ofSeconds(1), Duration.ofSeconds(60));
    private int connectionsPerHost = 1;
    private int maxRequestsPerConnection = 1024;
    private ConsistencyLevel consistency = ConsistencyLevel.LOCAL_ONE;
    private ConsistencyLevel serialConsistency = ConsistencyLevel.SERIAL;
    private int pageSize = 5000;
    private String cqlVersion = "3.0.0";
    private boolean defaultIdempotence = false;
    private TimestampGenerator timestampGenerator = new MonotonicTimestampGenerator();
    private RetryPolicy retryPolicy = DefaultRetryPolicy.INSTANCE;
    private SpeculativeExecutionPolicy speculativeExecutionPolicy = NoSpeculativeExecutionPolicy.INSTANCE;
    private RequestThrottler requestThrottler = RequestThrottler.none();
    private boolean prepareOnAllHosts = true;
    private boolean metrics;
    private RequestTracker requestTracker;
    private boolean reprepareOnUp = true;
    private SslOptions sslOptions;
    private ConvictionPolicy convictionPolicy = new SimpleConvictionPolicy();
    private LoadBalancingPolicy loadBalancingPolicy;
    private AddressTranslator addressTranslator = AddressTranslator.IDENTITY;
    private Duration topologyEventWindow = Duration.ofSeconds(1);
    private Duration statusEventWindow = Duration.ofSeconds(1);
    private Duration schemaEventWindow = Duration.ofSeconds(1);
    private Duration controlConnectionTimeout = Duration.ofSeconds(5);
    private Duration maxSchemaAgreementWait = Duration.ofSeconds(10);
    private boolean schemaMetadata = true;
    private boolean tokenMetadata = true;

    private Builder() {}

    /**
     * Which nodes each request tries, in order. Default: token-aware (replicas of the partition
     * key first, taken in turn) over DC-aware round robin, with the local datacenter inferred from the
     * contact points. One policy instance per cluster.
     *
     * @param policy the policy, used by this cluster only
     * @return this builder
     * @throws NullPointerException if {@code policy} is null
     */
    public Builder withLoadBalancingPolicy(LoadBalancingPolicy policy) {
      this.loadBalancingPolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * When connection failures mark a node down; default {@link SimpleConvictionPolicy} (at the
     * first).
     *
     * @param policy the policy
     * @return this builder
     * @throws NullPointerException if {@code policy} is null
     */
    public Builder withConvictionPolicy(ConvictionPolicy policy) {
      this.convictionPolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Rewrites the addresses nodes advertise (NAT, private addresses); default: none.
     *
     * @param translator the translator; {@link AddressTranslator#IDENTITY} keeps the addresses
     * @return this builder
     * @throws NullPointerException if {@code translator} is null
     */
    public Builder withAddressTranslator(AddressTranslator translator) {
      this.addressTranslator = Objects.requireNonNull(translator, "translator");
      return this;
    }

    /**
     * How long node additions and removals (TOPOLOGY_CHANGE events) are gathered before one
     * refresh of the node list handles them all; default 1 s, zero for no wait.
     *
     * @param window the window, zero or more
     * @return this builder
     * @throws NullPointerException if {@code window} is null
     * @throws IllegalArgumentException if {@code window} is negative
     */
    public Builder withTopologyEventRefreshWindow(Duration window) {
      this.topologyEventWindow = notNegative(window, "topology event refresh window");
      return this;
    }

    /**
     * How long UP/DOWN events (STATUS_CHANGE) are gathered before they are applied; default 1 s,
     * zero for no wait.
     *
     * @param window the window, zero or more
     * @return this builder
     * @throws NullPointerException if {@code window} is null
     * @throws IllegalArgumentException if {@code window} is negative
     */
    public Builder withStatusEventRefreshWindow(Duration window) {
      this.statusEventWindow = notNegative(window, "status event refresh window");
      return this;
    }

    /**
     * How long SCHEMA_CHANGE events are gathered before one refresh reads what changed; default
     * 1 s. Schema changes made through this driver are read at once, whatever the window.
     *
     * @param window the window, zero or more
     * @return this builder
     * @throws NullPointerException if {@code window} is null
     * @throws IllegalArgumentException if {@code window} is negative
     */
    public Builder withSchemaEventRefreshWindow(Duration window) {
      this.schemaEventWindow = notNegative(window, "schema event refresh window");
      return this;
    }

    /**
     * Bound on each query of the control connection (node list, schema); default 5 s.
     *
     * @param timeout the bound, positive
     * @return this builder
     * @throws NullPointerException if {@code timeout} is null
     * @throws IllegalArgumentException if {@code timeout} is zero or negative
     */
    public Builder withControlConnectionTimeout(Duration timeout) {
      this.controlConnectionTimeout = positive(timeout, "control connection timeout");
      return this;
    }

    /**
     * How long a DDL statement waits for every up node to report the same schema version before
     * returning anyway (with {@code executionInfo().isSchemaInAgreement() == false}); default 10
     * s, zero to not wait.
     *
     * @param wait the longest wait, zero or more
     * @return this builder
     * @throws NullPointerException if {@code wait} is null
     * @throws IllegalArgumentException if {@code wait} is negative
     */
    public Builder withMaxSchemaAgreementWait(Duration wait) {
      this.maxSchemaAgreementWait = notNegative(wait, "max schema agreement wait");
      return this;
    }

    /**
     * Whether {@code metadata()} holds the whole schema (default true). False keeps only the
     * keyspaces and their replication, what token-aware routing needs: the cheapest start.
     *
     * @param enabled {@code false} to read only keyspaces and their replication
     * @return this builder
     */
    public Builder withSchemaMetadataEnabled(boolean enabled) {
      this.schemaMetadata = enabled;
      return this;
    }

    /**
     * Whether the driver computes the token map (replicas per key); default true.
     *
     * @param enabled {@code false} to skip it: token-aware routing then leaves the order to the
     *     wrapped policy, and {@code metadata().tokenMap()} throws
     * @return this builder
     */
    public Builder withTokenMetadataEnabled(boolean enabled) {
      this.tokenMetadata = enabled;
      return this;
    }

    /**
     * Nodes to contact first: "host", "host:port" (IPv6 as "[::1]:9042"). The driver discovers the
     * other nodes from them. Without any contact point, it connects to the loopback address.
     *
     * @param points the contact points; host names are resolved when {@link #build()} runs
     * @return this builder
     * @throws NullPointerException if a point is null
     */
    public Builder addContactPoints(String... points) {
      for (String point : points) {
        contactPoints.add(Objects.requireNonNull(point, "contact point"));
      }
      return this;
    }

    /**
     * Nodes to contact first, by address and port. The driver discovers the other nodes from them.
     *
     * @param addresses the nodes' native transport addresses
     * @return this builder
     * @throws NullPointerException if an address is null
     */
    public Builder addContactPoints(InetSocketAddress... addresses) {
      for (InetSocketAddress address : addresses) {
        contactAddresses.add(Objects.requireNonNull(address, "contact point"));
      }
      return this;
    }

    /**
     * One node to contact first; see {@link #addContactPoints(InetSocketAddress...)}.
     *
     * @param address the node's native transport address
     * @return this builder
     * @throws NullPointerException if {@code address} is null
     */
    public Builder addContactPoint(InetSocketAddress address) {
      return addContactPoints(address);
    }

    /**
     * Port for contact points given without one; default 9042.
     *
     * @param port the port, in [1, 65535]
     * @return this builder
     * @throws IllegalArgumentException if {@code port} is out of range
     */
    public Builder withPort(int port) {
      if (port <= 0 || port > 65535) {
        throw new IllegalArgumentException("port must be in [1, 65535], got " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * How to log in when a node asks for authentication; default none, and connecting to a node
     * that asks then fails.
     *
     * @param authProvider the provider, for example a {@link
     *     io.loomcql.auth.PlainTextAuthProvider}; null for none
     * @return this builder
     */
    public Builder withAuthProvider(AuthProvider authProvider) {
      this.authProvider = authProvider;
      return this;
    }

    /**
     * Fixes the protocol version: the driver never steps down from it. Without it the driver starts
     * at v5 and steps down, on first contact only, to what the node says it speaks.
     *
     * @param version v3, v4 or v5 (v1 and v2 are refused by {@link #build()})
     * @return this builder
     * @throws NullPointerException if {@code version} is null
     */
    public Builder withProtocolVersion(ProtocolVersion version) {
      this.protocolVersion = Objects.requireNonNull(version, "version");
      return this;
    }

    /**
     * Compresses traffic: {@code LZ4} (v3-v5; needs {@code at.yawk.lz4:lz4-java}) or {@code SNAPPY}
     * (v3/v4 only; needs {@code org.xerial.snappy:snappy-java}). Used only if the node supports it.
     *
     * @param compression the algorithm, or {@link Compression#NONE}
     * @return this builder
     * @throws NullPointerException if {@code compression} is null
     */
    public Builder withCompression(Compression compression) {
      this.compression = Objects.requireNonNull(compression, "compression");
      return this;
    }

    /**
     * Default client-side timeout of a request (the reference {@code default_timeout}), retries
     * included; 10 s. Statements may set their own.
     *
     * @param timeout the timeout, positive
     * @return this builder
     * @throws NullPointerException if {@code timeout} is null
     * @throws IllegalArgumentException if {@code timeout} is zero or negative
     */
    public Builder withRequestTimeout(Duration timeout) {
      this.requestTimeout = positive(timeout, "request timeout");
      return this;
    }

    /**
     * TCP connect (and TLS handshake) timeout; default 5 s. Shortcut for {@link
     * #withSocketOptions}.
     *
     * @param timeout the timeout, positive
     * @return this builder
     * @throws NullPointerException if {@code timeout} is null
     * @throws IllegalArgumentException if {@code timeout} is zero or negative
     */
    public Builder withConnectTimeout(Duration timeout) {
      this.socketOptions = socketOptions.withConnectTimeout(positive(timeout, "connect timeout"));
      return this;
    }

    /**
     * When to retry a node whose connections were lost; default exponential, 1 s doubling to 60 s,
     * with jitter.
     *
     * @param policy the policy
     * @return this builder
     * @throws NullPointerException if {@code policy} is null
     */
    public Builder withReconnectionPolicy(ReconnectionPolicy policy) {
      this.reconnectionPolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * TCP settings of every connection (TCP_NODELAY, keep-alive, buffer sizes, connect timeout).
     *
     * @param options the options; they replace those the shortcuts set before
     * @return this builder
     * @throws NullPointerException if {@code options} is null
     */
    public Builder withSocketOptions(SocketOptions options) {
      this.socketOptions = Objects.requireNonNull(options, "options");
      return this;
    }

    /**
     * Idle time after which a connection checks the node with an OPTIONS; default 30 s.
     *
     * @param interval the idle time, positive
     * @return this builder
     * @throws NullPointerException if {@code interval} is null
     * @throws IllegalArgumentException if {@code interval} is zero or negative
     */
    public Builder withIdleHeartbeatInterval(Duration interval) {
      this.heartbeatInterval = positive(interval, "heartbeat interval");
      return this;
    }

    /**
     * How long that OPTIONS may take before the connection is closed as defunct; default 30 s.
     *
     * @param timeout the timeout, positive
     * @return this builder
     * @throws NullPointerException if {@code timeout} is null
     * @throws IllegalArgumentException if {@code timeout} is zero or negative
     */
    public Builder withIdleHeartbeatTimeout(Duration timeout) {
      this.heartbeatTimeout = positive(timeout, "heartbeat timeout");
      return this;
    }

    /**
     * Timed-out requests still owed an answer on one connection past which it is drained and
     * replaced; default 256.
     *
     * @param max the count, at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code max} is less than 1
     */
    public Builder withMaxOrphanedRequestsPerConnection(int max) {
      if (max < 1) {
        throw new IllegalArgumentException("max orphaned requests must be at least 1, got " + max);
      }
      this.maxOrphans = max;
      return this;
    }

    /**
     * Connections per node; default 1, as the Java driver 4.x.
     *
     * @param connections the count, at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code connections} is less than 1
     */
    public Builder withConnectionsPerHost(int connections) {
      if (connections < 1) {
        throw new IllegalArgumentException("connections per host must be at least 1, got " + connections);
      }
      this.connectionsPerHost = connections;
      return this;
    }

    /**
     * Requests in flight per connection (stream ids); default 1024, at most 32768.
     *
     * @param max the count, in [1, 32768]
     * @return this builder
     * @throws IllegalArgumentException if {@code max} is out of range
     */
    public Builder withMaxRequestsPerConnection(int max) {
      if (max < 1 || max > 32768) {
        throw new IllegalArgumentException("max requests per connection must be in [1, 32768], got " + max);
      }
      this.maxRequestsPerConnection = max;
      return this;
    }

    /**
     * Default consistency level; LOCAL_ONE as in both reference drivers.
     *
     * @param level the level
     * @return this builder
     * @throws NullPointerException if {@code level} is null
     */
    public Builder withDefaultConsistencyLevel(ConsistencyLevel level) {
      this.consistency = Objects.requireNonNull(level, "level");
      return this;
    }

    /**
     * Default serial consistency level, for the Paxos phase of conditional statements; SERIAL.
     *
     * @param level {@link ConsistencyLevel#SERIAL} or {@link ConsistencyLevel#LOCAL_SERIAL}
     * @return this builder
     * @throws IllegalArgumentException if {@code level} is not a serial level
     */
    public Builder withDefaultSerialConsistencyLevel(ConsistencyLevel level) {
      if (!level.isSerial()) {
        throw new IllegalArgumentException("serial consistency must be SERIAL or LOCAL_SERIAL, not " + level);
      }
      this.serialConsistency = level;
      return this;
    }

    /**
     * Default rows per page; 5000 as in both reference drivers.
     *
     * @param pageSize the rows per page, at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code pageSize} is less than 1
     */
    public Builder withPageSize(int pageSize) {
      if (pageSize < 1) {
        throw new IllegalArgumentException("page size must be positive, got " + pageSize);
      }
      this.pageSize = pageSize;
      return this;
    }

    /**
     * The CQL version sent in STARTUP; default 3.0.0, which every node accepts.
     *
     * @param cqlVersion the version, for example {@code 3.0.0}
     * @return this builder
     * @throws NullPointerException if {@code cqlVersion} is null
     */
    public Builder withCqlVersion(String cqlVersion) {
      this.cqlVersion = Objects.requireNonNull(cqlVersion, "cqlVersion");
      return this;
    }

    /**
     * Whether TCP_NODELAY is set (Nagle's algorithm off); default true. Shortcut for {@link
     * #withSocketOptions}.
     *
     * @param tcpNoDelay {@code true} to disable Nagle's algorithm
     * @return this builder
     */
    public Builder withTcpNoDelay(boolean tcpNoDelay) {
      this.socketOptions = socketOptions.withTcpNoDelay(tcpNoDelay);
      return this;
    }

    /**
     * Whether TCP keep-alive probes are sent; default false (heartbeats do this job). Shortcut for
     * {@link #withSocketOptions}.
     *
     * @param keepAlive {@code true} to send TCP keep-alive probes
     * @return this builder
     */
    public Builder withKeepAlive(boolean keepAlive) {
      this.socketOptions = socketOptions.withKeepAlive(keepAlive);
      return this;
    }

    /**
     * The largest frame body accepted from a node, checked before anything is allocated for it
     * (decompressed lengths too); default 256 MiB.
     *
     * @param bytes the limit, at least 1024
     * @return this builder
     * @throws IllegalArgumentException if {@code bytes} is less than 1024
     */
    public Builder withMaxFrameLength(int bytes) {
      if (bytes < 1024) {
        throw new IllegalArgumentException("max frame length must be at least 1024 bytes, got " + bytes);
      }
      this.maxFrameLength = bytes;
      return this;
    }

    /**
     * Whether statements that do not say are idempotent, which allows retrying them after a write
     * timeout or a lost connection, and speculative executions; default false.
     *
     * @param idempotent {@code true} to treat statements that do not say as idempotent
     * @return this builder
     */
    public Builder withDefaultIdempotence(boolean idempotent) {
      this.defaultIdempotence = idempotent;
      return this;
    }

    /**
     * Whether the driver stamps writes with a client timestamp; default true. False is the same
     * as {@code withTimestampGenerator(TimestampGenerator.serverSide())}.
     *
     * @param enabled {@code false} to let the coordinators stamp writes
     * @return this builder
     */
    public Builder withClientTimestamps(boolean enabled) {
      this.timestampGenerator = enabled ? new MonotonicTimestampGenerator() : TimestampGenerator.serverSide();
      return this;
    }

    /**
     * Where the timestamps of statements without one of their own come from; default a
     * {@link MonotonicTimestampGenerator} (microseconds, strictly increasing per cluster).
     *
     * @param generator the generator
     * @return this builder
     * @throws NullPointerException if {@code generator} is null
     */
    public Builder withTimestampGenerator(TimestampGenerator generator) {
      this.timestampGenerator = Objects.requireNonNull(generator, "generator");
      return this;
    }

    /**
     * What to do after a failed attempt; default {@link DefaultRetryPolicy}.
     *
     * @param policy the policy
     * @return this builder
     * @throws NullPointerException if {@code policy} is null
     */
    public Builder withRetryPolicy(RetryPolicy policy) {
      this.retryPolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * When to send an idempotent statement to another node while waiting; default none. Only
     * statements marked idempotent (or all, with {@code withDefaultIdempotence(true)}) get one.
     *
     * @param policy the policy
     * @return this builder
     * @throws NullPointerException if {@code policy} is null
     */
    public Builder withSpeculativeExecutionPolicy(SpeculativeExecutionPolicy policy) {
      this.speculativeExecutionPolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Limits the requests running at once or per second; callers over the limit wait up to their
     * request timeout. Default: no limit.
     *
     * @param throttler the throttler, shared by every session of the cluster
     * @return this builder
     * @throws NullPointerException if {@code throttler} is null
     */
    public Builder withRequestThrottler(RequestThrottler throttler) {
      this.requestThrottler = Objects.requireNonNull(throttler, "throttler");
      return this;
    }

    /**
     * Whether {@code prepare} also prepares the statement on every other node the session has a
     * pool for (in parallel, within the request timeout; their failures are only logged), so that
     * the first execution on each node needs no round trip to prepare again. Default true.
     *
     * @param enabled {@code false} to prepare on one node only
     * @return this builder
     */
    public Builder withPrepareOnAllHosts(boolean enabled) {
      this.prepareOnAllHosts = enabled;
      return this;
    }

    /**
     * Tells {@code tracker} how every request and every attempt ends, on the request's thread
     * (for example a {@link SlowQueryLogger}). Default none.
     *
     * @param tracker the tracker
     * @return this builder
     * @throws NullPointerException if {@code tracker} is null
     */
    public Builder withRequestTracker(RequestTracker tracker) {
      this.requestTracker = Objects.requireNonNull(tracker, "tracker");
      return this;
    }

    /**
     * Whether the driver counts requests, errors, retries, latencies, connections and bytes, per
     * session and per node: {@link Cluster#metrics()} and JMX MBeans named
     * {@code io.loomcql:type=Metrics,...}. Default false, which costs nothing per request.
     *
     * @param enabled {@code true} to count
     * @return this builder
     */
    public Builder withMetrics(boolean enabled) {
      this.metrics = enabled;
      return this;
    }

    /**
     * Whether a node that comes back up gets the session's prepared statements prepared again
     * before it serves requests (at most 1,000 statements, 8 at a time). Default true.
     *
     * @param enabled {@code false} to prepare again only when a node answers UNPREPARED
     * @return this builder
     */
    public Builder withReprepareOnUp(boolean enabled) {
      this.reprepareOnUp = enabled;
      return this;
    }

    /**
     * Speaks TLS to every node, with the defaults of {@link SslOptions} (hostname verification
     * on) and the certificates of {@code context}: its TrustManager decides which node
     * certificates are trusted; its KeyManager, if any, supplies the client certificate for
     * mutual TLS.
     *
     * @param context the context holding the truststore and, for mutual TLS, the client's key
     * @return this builder
     * @throws NullPointerException if {@code context} is null
     */
    public Builder withSsl(SSLContext context) {
      this.sslOptions = SslOptions.of(Objects.requireNonNull(context, "context"));
      return this;
    }

    /**
     * Speaks TLS to every node as {@code options} say; null (the default) means plain TCP.
     *
     * @param options the TLS options, or null for plain TCP
     * @return this builder
     */
    public Builder withSslOptions(SslOptions options) {
      this.sslOptions = options;
      return this;
    }

    /**
     * The cluster. Nothing connects yet: the first {@link Cluster#connect()} or {@link
     * Cluster#metadata()} does.
     *
     * @return a new cluster with these options
     * @throws IllegalArgumentException for protocol v1 or v2, Snappy with protocol v5, a malformed
     *     contact point, or contact points none of which resolves
     * @throws IllegalStateException if the compression's jar is not available
     */
    public Cluster build() {
      if (protocolVersion != null && !protocolVersion.isSupported()) {
        throw new IllegalArgumentException("protocol " + protocolVersion
            + " is not supported: no Cassandra since 3.0 speaks v1 or v2; use V3 or later, or leave it unset to negotiate");
      }
      ProtocolVersion start = protocolVersion != null ? protocolVersion : ProtocolVersion.V5;
      if (compression == Compression.SNAPPY) {
        if (protocolVersion == ProtocolVersion.V5) {
          throw new IllegalArgumentException(
              "Snappy compression does not exist in protocol v5 (it compresses frames with LZ4 only): use LZ4, or V4");
        }
        start = protocolVersion != null ? protocolVersion : ProtocolVersion.V4; // negotiation stays below v5
      }
      Compressors.check(compression);
      List<InetSocketAddress> resolved = ContactPoints.resolve(contactPoints, contactAddresses, port);
      ConnectionConfig connection =
          new ConnectionConfig(
              start,
              maxRequestsPerConnection,
              socketOptions.connectTimeout(),
              socketOptions.tcpNoDelay(),
              socketOptions.keepAlive(),
              socketOptions.sendBufferSize(),
              socketOptions.receiveBufferSize(),
              authProvider,
              cqlVersion,
              maxFrameLength,
              sslOptions,
              compression,
              maxOrphans,
              heartbeatInterval,
              heartbeatTimeout);
      if (sslOptions != null) {
        sslOptions.warnIfHostnameVerificationOff();
      }
      return new Cluster(
          new DriverConfig(
              resolved,
              connection,
              protocolVersion == null,
              connectionsPerHost,
              requestTimeout,
              consistency,
              serialConsistency,
              pageSize,
              defaultIdempotence,
              new DriverConfig.RequestPolicies(retryPolicy, speculativeExecutionPolicy, requestThrottler,
                  timestampGenerator, prepareOnAllHosts, reprepareOnUp, requestTracker),
              reconnectionPolicy,
              convictionPolicy,
              loadBalancingPolicy != null
                  ? loadBalancingPolicy
                  : new TokenAwarePolicy(new DcAwareRoundRobinPolicy()),
              addressTranslator,
              new DriverConfig.EventWindows(topologyEventWindow, statusEventWindow, schemaEventWindow),
              controlConnectionTimeout,
              maxSchemaAgreementWait,
              schemaMetadata,
              tokenMetadata,
              metrics));
    }

    private static Duration notNegative(Duration duration, String what) {
      Objects.requireNonNull(duration, what);
      if (duration.isNegative()) {
        throw new IllegalArgumentException(what + " must not be negative, got " + duration);
      }
      return duration;
    }

    private static Duration positive(Duration duration, String what) {
      Objects.requireNonNull(duration, what);
      if (duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException(what + " must be positive, got " + duration);
      }
      return duration;
    }
  }
}
