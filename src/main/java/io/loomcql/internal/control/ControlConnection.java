package io.loomcql.internal.control;

import io.loomcql.ProtocolVersion;
import io.loomcql.Row;
import io.loomcql.error.ConnectionException;
import io.loomcql.error.CoordinatorException;
import io.loomcql.error.NoHostAvailableException;
import io.loomcql.error.ProtocolError;
import io.loomcql.error.UnsupportedProtocolVersionException;
import io.loomcql.internal.DriverResources;
import io.loomcql.internal.connection.Connection;
import io.loomcql.internal.connection.Handshake;
import io.loomcql.internal.metadata.DefaultHost;
import io.loomcql.internal.metadata.DefaultMetadata;
import io.loomcql.internal.metadata.HostRegistry;
import io.loomcql.internal.protocol.ErrorMapper;
import io.loomcql.internal.protocol.ErrorResponse;
import io.loomcql.internal.protocol.Event;
import io.loomcql.internal.protocol.Message;
import io.loomcql.internal.protocol.Ready;
import io.loomcql.internal.protocol.Register;
import io.loomcql.internal.protocol.SchemaChangeResult;
import io.loomcql.internal.session.DriverConfig;
import io.loomcql.metadata.Host;
import io.loomcql.policy.LoadBalancingPolicy;
import io.loomcql.policy.ReconnectionPolicy;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster's own connection to one node. It settles the protocol version (negotiating on
 * first contact), keeps the node list and schema current by listening to the cluster's events,
 * and moves to another node when its node fails. It never marks a node down: only the sessions'
 * pools do that, so moving the control connection costs no node its traffic.
 */
public final class ControlConnection implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ControlConnection.class);
  private static final List<String> EVENTS = List.of(Event.TOPOLOGY_CHANGE, Event.STATUS_CHANGE, Event.SCHEMA_CHANGE);
  // Enough for any real cluster's burst; beyond it one full refresh replaces the pile.
  private static final int MAX_PENDING_EVENTS = 10_000;
  private static final String LOCAL_SCHEMA_VERSION = "SELECT schema_version FROM system.local WHERE key = 'local'";

  private final DriverConfig config;
  private final ProtocolVersion version;
  private final HostRegistry registry = new HostRegistry();
  private final DefaultMetadata metadata;
  private final NodeDiscovery discovery;
  private final EventDebouncer<Event.TopologyChange> topologyEvents;
  private final EventDebouncer<Event.StatusChange> statusEvents;
  private final EventDebouncer<SchemaChangeResult> schemaEvents;
  private final AtomicBoolean reconnecting = new AtomicBoolean();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition closing = lock.newCondition();
  private volatile Connection connection;
  private volatile boolean closed;

  private ControlConnection(DriverConfig config, ProtocolVersion version) {
    this.config = config;
    this.version = version;
    this.discovery = new NodeDiscovery(config.addressTranslator());
    this.metadata = new DefaultMetadata(
        registry, this::checkSchemaAgreement, this::query, config.schemaMetadata(), config.tokenMetadata());
    DriverConfig.EventWindows windows = config.eventWindows();
    this.topologyEvents = new EventDebouncer<>("topology", windows.topology(), MAX_PENDING_EVENTS,
        (events, overflowed) -> refreshNodes());
    this.statusEvents = new EventDebouncer<>("status", windows.status(), MAX_PENDING_EVENTS, this::onStatus);
    this.schemaEvents = new EventDebouncer<>("schema", windows.schema(), MAX_PENDING_EVENTS,
        (events, overflowed) -> metadata.schemaChanged(events, overflowed));
  }

  /**
   * Connects to the first contact point that answers, stepping the protocol version down when a
   * node says it does not speak it (unless the user fixed the version), registers for events and
   * reads the node list and schema.
   *
   * @throws NoHostAvailableException listing every contact point and its error, when none answers
   * @throws CoordinatorException when a node refuses the client itself (authentication): another
   *     node would refuse it too
   */
  public static ControlConnection open(DriverConfig config) {
    Map<Host, Throwable> errors = new LinkedHashMap<>();
    ProtocolVersion version = config.connection().version();
    for (InetSocketAddress address : config.contactPoints()) {
      while (true) {
        Connection connection = null;
        try {
          connection = Handshake.connect(address, config.connection().withVersion(version), null, config.controlTimeout());
          ControlConnection control = new ControlConnection(config, version);
          control.takeOver(connection);
          control.startLoadBalancing();
          LOG.debug("Control connection to {} ({}), {} node(s)", address, version, control.registry.all().size());
          return control;
        } catch (UnsupportedProtocolVersionException e) {
          ProtocolVersion lower = config.negotiateVersion() ? stepDown(e) : null;
          if (lower == null) {
            errors.put(new DefaultHost(address), e);
            break;
          }
          // Only here, on first contact: once the version is settled no connection steps down again,
          // so a node that later refuses it stays unreachable rather than dragging the session down.
          LOG.warn("Contact point {} does not speak protocol {}; stepping down to {} for this cluster"
              + " (withProtocolVersion(...) fixes the version and refuses to step down)", address, version, lower);
          version = lower;
        } catch (CoordinatorException e) {
          closeQuietly(connection);
          throw e;
        } catch (RuntimeException e) {
          closeQuietly(connection);
          LOG.warn("Cannot connect to contact point {}: {}", address, e.toString());
          errors.put(new DefaultHost(address), e);
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

  /** Makes {@code fresh} the control connection: events first, so nothing between is missed, then a full read. */
  private void takeOver(Connection fresh) {
    fresh.onEvent(this::onEvent);
    long deadline = deadline();
    Message reply = fresh.request(new Register(EVENTS), deadline).message();
    if (reply instanceof ErrorResponse error) {
      throw ErrorMapper.toException(error, fresh.address());
    }
    if (!(reply instanceof Ready)) {
      throw new ProtocolError(fresh.address(), "unexpected " + reply.getClass().getSimpleName() + " for REGISTER");
    }
    NodeDiscovery.Topology topology = discovery.discover(fresh, deadline);
    metadata.describeCluster(topology.clusterName(), topology.partitioner());
    registry.reconcile(topology.nodes());
    connection = fresh;
    metadata.refreshAllSchema(); // uses the connection just published
    fresh.onClose(() -> connectionLost(fresh));
  }

  /** Hands the nodes to the load-balancing policy and keeps it told of joins and departures. */
  private void startLoadBalancing() {
    LoadBalancingPolicy policy = config.loadBalancing();
    List<Host> contacts = new ArrayList<>();
    for (DefaultHost host : registry.all()) {
      if (config.contactPoints().contains(host.address())) {
        contacts.add(host);
      }
    }
    policy.init(metadata, contacts);
    registry.addListener(new HostRegistry.Listener() {
      @Override
      public void added(DefaultHost host) {
        policy.onAdd(host);
      }

      @Override
      public void removed(DefaultHost host) {
        policy.onRemove(host);
      }

      @Override
      public boolean upSignalled(DefaultHost host) {
        return false;
      }

      @Override
      public boolean connectedTo(DefaultHost host) {
        return false;
      }
    });
  }

  private long deadline() {
    return System.nanoTime() + config.controlTimeout().toNanos();
  }

  private void onEvent(Event event) {
    // On the reader thread: only hand over.
    switch (event) {
      case Event.TopologyChange change -> topologyEvents.offer(change);
      case Event.StatusChange change -> statusEvents.offer(change);
      case Event.SchemaChange change -> schemaEvents.offer(change.change());
    }
  }

  private void onStatus(List<Event.StatusChange> events, boolean overflowed) {
    Map<InetSocketAddress, String> latest = new LinkedHashMap<>();
    for (Event.StatusChange event : events) {
      latest.put(config.addressTranslator().translate(event.address()), event.change());
    }
    boolean unknown = overflowed;
    for (Map.Entry<InetSocketAddress, String> entry : latest.entrySet()) {
      if (registry.get(entry.getKey()) == null) {
        unknown = true;
      } else if ("UP".equals(entry.getValue())) {
        registry.upSignalled(entry.getKey());
      } else if ("DOWN".equals(entry.getValue())) {
        registry.downSignalled(entry.getKey());
      }
    }
    if (unknown) {
      refreshNodes(); // a node we never heard of: read the node list
    }
  }

  /** Reads the node list again and applies it. */
  public void refreshNodes() {
    Connection current = connection;
    if (current == null || closed) {
      return;
    }
    NodeDiscovery.Topology topology = discovery.discover(current, deadline());
    registry.reconcile(topology.nodes());
  }

  /** Runs {@code cql} on the control connection, bounded by the control timeout. */
  public List<Row> query(String cql) {
    Connection current = connection;
    if (current == null || !current.isOpen()) {
      throw new ConnectionException(
          current == null ? null : current.address(), "the control connection is reconnecting");
    }
    return ControlQueries.rows(current, cql, deadline());
  }

  /** Whether every node believed up reports the same schema version now. */
  public boolean checkSchemaAgreement() {
    return checkSchemaAgreement(null);
  }

  private boolean checkSchemaAgreement(UUID expected) {
    Connection current = connection;
    if (current == null) {
      return false;
    }
    return SchemaAgreement.agreed(discovery.discover(current, deadline()).nodes(), registry, expected);
  }

  /**
   * Waits until every node believed up reports the schema version of {@code coordinator} (the
   * connection that ran a DDL statement), up to the configured wait; false (with a WARN) if they
   * did not by then. Never throws for a slow cluster: the DDL itself succeeded.
   */
  public boolean awaitSchemaAgreement(Connection coordinator) {
    UUID expected = schemaVersion(coordinator);
    return SchemaAgreement.await(() -> checkSchemaAgreement(expected), config.maxSchemaAgreementWait());
  }

  /** The node's own schema version, or null (then any one version agreed on will do). */
  private UUID schemaVersion(Connection node) {
    try {
      List<Row> local = ControlQueries.rows(node, LOCAL_SCHEMA_VERSION, deadline());
      return local.isEmpty() ? null : local.get(0).getUuid("schema_version");
    } catch (RuntimeException e) {
      LOG.debug("[{}] cannot read the node's schema version: {}", node, e.toString());
      return null;
    }
  }

  /** After a DDL statement of this client: the schema it changed, read now rather than on the event. */
  public void schemaChanged(SchemaChangeResult change) {
    metadata.schemaChanged(List.of(change), false);
  }

  private void connectionLost(Connection lost) {
    if (closed || lost != connection) {
      return;
    }
    LOG.info("Control connection to {} lost; moving to another node", lost.address());
    if (reconnecting.compareAndSet(false, true)) {
      DriverResources.startThread("loomcql-control-reconnect", () -> reconnect(lost.address()));
    }
  }

  /**
   * Tries every known node, the lost one last, on the reconnection schedule until one takes over.
   * The first round waits the schedule's first (jittered) delay too: when a whole cluster
   * restarts, every client loses its control connection at once, and the jitter spreads them.
   */
  private void reconnect(InetSocketAddress lost) {
    ReconnectionPolicy.Schedule schedule = config.reconnection().newSchedule();
    try {
      long wait = schedule.nextDelay().toNanos();
      while (true) {
        lock.lock();
        try {
          while (wait > 0 && !closed) {
            wait = closing.awaitNanos(wait);
          }
        } finally {
          lock.unlock();
        }
        if (closed) {
          return;
        }
        for (InetSocketAddress candidate : candidates(lost)) {
          if (closed) {
            return;
          }
          Connection fresh = null;
          try {
            fresh = Handshake.connect(candidate, config.connection().withVersion(version), null, config.controlTimeout());
            takeOver(fresh);
            LOG.info("Control connection moved to {}", candidate);
            if (closed) {
              fresh.close();
            }
            return;
          } catch (RuntimeException e) {
            closeQuietly(fresh);
            LOG.debug("Control connection cannot use {}: {}", candidate, e.toString());
          }
        }
        wait = schedule.nextDelay().toNanos();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      reconnecting.set(false);
    }
  }

  private List<InetSocketAddress> candidates(InetSocketAddress lost) {
    List<InetSocketAddress> up = new ArrayList<>();
    List<InetSocketAddress> rest = new ArrayList<>();
    for (DefaultHost host : registry.all()) {
      if (host.address().equals(lost)) {
        continue;
      }
      (host.isUp() ? up : rest).add(host.address());
    }
    up.addAll(rest);
    up.add(lost);
    for (InetSocketAddress contact : config.contactPoints()) {
      if (!up.contains(contact)) {
        up.add(contact); // the node list may be empty or stale: the contact points are a last resort
      }
    }
    return up;
  }

  public ProtocolVersion version() {
    return version;
  }

  public DefaultMetadata metadata() {
    return metadata;
  }

  public HostRegistry registry() {
    return registry;
  }

  /** The node the control connection uses now: sessions open their first pool there. */
  public InetSocketAddress address() {
    Connection current = connection;
    return current == null ? null : current.address();
  }

  @Override
  public void close() {
    lock.lock();
    try {
      closed = true;
      closing.signalAll();
    } finally {
      lock.unlock();
    }
    topologyEvents.close();
    statusEvents.close();
    schemaEvents.close();
    Connection current = connection;
    if (current != null) {
      current.close();
    }
  }

  private static void closeQuietly(Connection connection) {
    if (connection != null) {
      connection.close();
    }
  }
}
