package io.loomcql.internal.control;

import io.loomcql.Row;
import io.loomcql.error.InvalidQueryException;
import io.loomcql.error.ProtocolError;
import io.loomcql.internal.connection.Connection;
import io.loomcql.internal.metadata.NodeInfo;
import io.loomcql.policy.AddressTranslator;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the cluster's nodes from the node the control connection reached: {@code system.local}
 * for itself, {@code system.peers_v2} for the others (with their native ports), or
 * {@code system.peers} on servers before 4.0, which lack it. Peer addresses go through the
 * user's {@link AddressTranslator}.
 */
final class NodeDiscovery {
  private static final Logger LOG = LoggerFactory.getLogger(NodeDiscovery.class);

  private static final String LOCAL =
      "SELECT cluster_name, partitioner, data_center, rack, release_version, host_id, tokens, schema_version"
          + " FROM system.local WHERE key = 'local'";
  private static final String PEERS_V2 =
      "SELECT native_address, native_port, data_center, rack, release_version, host_id, tokens, schema_version"
          + " FROM system.peers_v2";
  private static final String PEERS =
      "SELECT rpc_address, data_center, rack, release_version, host_id, tokens, schema_version FROM system.peers";

  /** What one read of the system tables found. */
  record Topology(String clusterName, String partitioner, List<NodeInfo> nodes) {}

  private final AddressTranslator translator;
  private volatile boolean peersV2 = true;

  NodeDiscovery(AddressTranslator translator) {
    this.translator = translator;
  }

  Topology discover(Connection connection, long deadline) {
    List<Row> local = ControlQueries.rows(connection, LOCAL, deadline);
    if (local.isEmpty()) {
      throw new ProtocolError(connection.address(), "system.local has no row");
    }
    Row self = local.get(0);
    List<NodeInfo> nodes = new ArrayList<>();
    nodes.add(describe(connection.address(), self));
    for (Row peer : peers(connection, deadline)) {
      InetSocketAddress address = peerAddress(peer, connection.address().getPort());
      if (address == null || peer.getUuid("host_id") == null) {
        LOG.warn("Ignoring a row of system.peers without address or host id (host_id={}); a node is"
            + " probably joining or was removed badly", peer.getUuid("host_id"));
        continue;
      }
      nodes.add(describe(translator.translate(address), peer));
    }
    return new Topology(self.getString("cluster_name"), self.getString("partitioner"), nodes);
  }

  private List<Row> peers(Connection connection, long deadline) {
    if (peersV2) {
      try {
        return ControlQueries.rows(connection, PEERS_V2, deadline);
      } catch (InvalidQueryException e) {
        peersV2 = false; // Cassandra 3.x: no peers_v2
      }
    }
    return ControlQueries.rows(connection, PEERS, deadline);
  }

  private InetSocketAddress peerAddress(Row peer, int defaultPort) {
    if (peersV2) {
      InetAddress address = peer.getInetAddress("native_address");
      return address == null ? null : new InetSocketAddress(address, peer.getInt("native_port"));
    }
    InetAddress address = peer.getInetAddress("rpc_address");
    return address == null ? null : new InetSocketAddress(address, defaultPort);
  }

  private static NodeInfo describe(InetSocketAddress address, Row row) {
    Set<String> tokens = new LinkedHashSet<>();
    if (row.getObject("tokens") instanceof Set<?> set) {
      set.forEach(token -> tokens.add(String.valueOf(token)));
    }
    return new NodeInfo(address, row.getString("data_center"), row.getString("rack"),
        row.getString("release_version"), row.getUuid("host_id"), tokens, row.getUuid("schema_version"));
  }
}
