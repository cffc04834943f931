package io.loomcql.internal.control;

import io.loomcql.ProtocolVersion;
import io.loomcql.error.CoordinatorException;
import io.loomcql.error.NoHostAvailableException;
import io.loomcql.error.UnsupportedProtocolVersionException;
import io.loomcql.internal.connection.Connection;
import io.loomcql.internal.connection.Handshake;
import io.loomcql.internal.metadata.DefaultHost;
import io.loomcql.internal.metadata.DefaultMetadata;
import io.loomcql.internal.session.DriverConfig;
import io.loomcql.metadata.Host;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster's own connection to one node: it settles the protocol version (negotiating on
 * first contact) and discovers the nodes. Events, refreshes and moving to another node when this
 * one fails come with the cluster view.
 */
public final class ControlConnection implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ControlConnection.class);

  private final Connection connection;
  private final DefaultMetadata metadata;

  private ControlConnection(Connection connection, DefaultMetadata metadata) {
    this.connection = connection;
    this.metadata = metadata;
  }

  /**
   * Connects to the first contact point that answers, stepping the protocol version down when a
   * node says it does not speak it (unless the user fixed the version), and reads the node list.
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
          connection = Handshake.connect(address, config.connection().withVersion(version), null, config.requestTimeout());
          DefaultMetadata metadata =
              NodeDiscovery.discover(connection, System.nanoTime() + config.requestTimeout().toNanos());
          LOG.debug("Control connection to {} ({}), {} node(s)", address, version, metadata.hosts().size());
          return new ControlConnection(connection, metadata);
        } catch (UnsupportedProtocolVersionException e) {
          ProtocolVersion lower = config.negotiateVersion() ? stepDown(e) : null;
          if (lower == null) {
            errors.put(new DefaultHost(address), e);
            break;
          }
          LOG.info("{} does not speak protocol {}; stepping down to {}", address, version, lower);
          version = lower;
        } catch (CoordinatorException e) {
          closeQuietly(connection);
          throw e;
        } catch (RuntimeException e) {
          closeQuietly(connection);
          LOG.debug("Cannot connect to contact point {}: {}", address, e.toString());
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

  public ProtocolVersion version() {
    return connection.version();
  }

  public DefaultMetadata metadata() {
    return metadata;
  }

  /** The node the control connection reached first: sessions open their first pool there. */
  public InetSocketAddress address() {
    return connection.address();
  }

  @Override
  public void close() {
    connection.close();
  }

  private static void closeQuietly(Connection connection) {
    if (connection != null) {
      connection.close();
    }
  }
}
