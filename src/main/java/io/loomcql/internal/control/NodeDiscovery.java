package io.loomcql.internal.control;

import io.loomcql.ConsistencyLevel;
import io.loomcql.Row;
import io.loomcql.error.InvalidQueryException;
import io.loomcql.error.ProtocolError;
import io.loomcql.internal.connection.Connection;
import io.loomcql.internal.metadata.DefaultHost;
import io.loomcql.internal.metadata.DefaultMetadata;
import io.loomcql.internal.protocol.ErrorMapper;
import io.loomcql.internal.protocol.ErrorResponse;
import io.loomcql.internal.protocol.Message;
import io.loomcql.internal.protocol.Query;
import io.loomcql.internal.protocol.QueryOptions;
import io.loomcql.internal.protocol.RowsResult;
import io.loomcql.internal.session.ResultRows;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Finds the cluster's nodes from the node the control connection reached: {@code system.local}
 * for itself, {@code system.peers_v2} for the others (with their native ports), or
 * {@code system.peers} on servers before 4.0, which lack it.
 */
final class NodeDiscovery {
  private static final String LOCAL =
      "SELECT cluster_name, partitioner, data_center, rack, release_version, host_id, tokens FROM system.local"
          + " WHERE key = 'local'";
  private static final String PEERS_V2 =
      "SELECT native_address, native_port, data_center, rack, release_version, host_id, tokens FROM system.peers_v2";
  private static final String PEERS =
      "SELECT rpc_address, data_center, rack, release_version, host_id, tokens FROM system.peers";

  private NodeDiscovery() {}

  static DefaultMetadata discover(Connection connection, long deadline) {
    List<Row> local = query(connection, LOCAL, deadline);
    if (local.isEmpty()) {
      throw new ProtocolError(connection.address(), "system.local has no row");
    }
    Row self = local.get(0);
    List<DefaultHost> hosts = new ArrayList<>();
    hosts.add(describe(new DefaultHost(connection.address()), self));
    List<Row> peers;
    boolean v2 = true;
    try {
      peers = query(connection, PEERS_V2, deadline);
    } catch (InvalidQueryException e) {
      v2 = false; // Cassandra 3.x: no peers_v2
      peers = query(connection, PEERS, deadline);
    }
    for (Row peer : peers) {
      InetSocketAddress address = v2 ? v2Address(peer) : legacyAddress(peer, connection.address().getPort());
      if (address != null) {
        hosts.add(describe(new DefaultHost(address), peer));
      }
    }
    return new DefaultMetadata(self.getString("cluster_name"), self.getString("partitioner"), hosts);
  }

  private static InetSocketAddress v2Address(Row peer) {
    InetAddress address = peer.getInetAddress("native_address");
    return address == null ? null : new InetSocketAddress(address, peer.getInt("native_port"));
  }

  private static InetSocketAddress legacyAddress(Row peer, int port) {
    InetAddress address = peer.getInetAddress("rpc_address");
    return address == null ? null : new InetSocketAddress(address, port);
  }

  private static DefaultHost describe(DefaultHost host, Row row) {
    Set<String> tokens = new LinkedHashSet<>();
    if (row.getObject("tokens") instanceof Set<?> set) {
      set.forEach(token -> tokens.add(String.valueOf(token)));
    }
    UUID hostId = row.getUuid("host_id");
    host.describe(row.getString("data_center"), row.getString("rack"), row.getString("release_version"), hostId, tokens);
    return host;
  }

  private static List<Row> query(Connection connection, String cql, long deadline) {
    Message reply =
        connection.request(new Query(cql, QueryOptions.of(ConsistencyLevel.ONE, List.of())), deadline).message();
    if (reply instanceof ErrorResponse error) {
      throw ErrorMapper.toException(error, connection.address());
    }
    if (!(reply instanceof RowsResult rows)) {
      throw new ProtocolError(connection.address(), "unexpected " + reply.getClass().getSimpleName() + " for " + cql);
    }
    return ResultRows.of(rows);
  }
}
