package io.loomcql.testkit;

import io.loomcql.ColumnDefinition;
import io.loomcql.internal.codec.TypedEncoder;
import io.loomcql.internal.protocol.RowsMetadata;
import io.loomcql.internal.protocol.RowsResult;
import io.loomcql.type.DataType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What a fake node answers to the driver's reads of system.local and system.peers_v2. */
final class SystemTables {
  private SystemTables() {}

  static boolean answers(String query) {
    return query.startsWith("SELECT") && (query.contains("FROM system.local") || query.contains("FROM system.peers"));
  }

  static RowsResult answer(FakeNode node, String query) {
    return query.contains("FROM system.local")
        ? local(node.hostId(), node.schemaVersion())
        : peers(node.peers(), node.simulatedPeers());
  }

  /** {@code system_schema.keyspaces}: the keyspaces a fake node was given, with their replication. */
  static RowsResult keyspaces(Map<String, Map<String, String>> keyspaces) {
    List<ColumnDefinition> columns = List.of(
        new ColumnDefinition("system_schema", "keyspaces", "keyspace_name", DataType.TEXT),
        new ColumnDefinition("system_schema", "keyspaces", "durable_writes", DataType.BOOLEAN),
        new ColumnDefinition("system_schema", "keyspaces", "replication", DataType.mapOf(DataType.TEXT, DataType.TEXT)));
    List<List<Object>> rows = new ArrayList<>();
    keyspaces.forEach((name, replication) -> rows.add(List.of(name, true, replication)));
    return rows(columns, rows);
  }

  /** Every fake node reports this schema version: a fake cluster always agrees. */
  static final java.util.UUID SCHEMA_VERSION = java.util.UUID.fromString("00000000-0000-4000-8000-00000000fa4e");

  /** An empty result, for the schema tables a fake node has nothing in. */
  static RowsResult empty() {
    return rows(List.of(), List.of());
  }

  /** For a node that is not a {@link FakeNode} (the TLS one): itself and the given peers. */
  static RowsResult answer(java.util.UUID hostId, List<FakeNode> peers, String query) {
    return query.contains("FROM system.local") ? local(hostId, SCHEMA_VERSION) : peers(peers, List.of());
  }

  private static RowsResult local(java.util.UUID hostId, java.util.UUID schemaVersion) {
    List<ColumnDefinition> columns = List.of(
        column("cluster_name", DataType.TEXT), column("partitioner", DataType.TEXT),
        column("data_center", DataType.TEXT), column("rack", DataType.TEXT),
        column("release_version", DataType.TEXT), column("host_id", DataType.UUID),
        column("tokens", DataType.setOf(DataType.TEXT)), column("schema_version", DataType.UUID));
    List<Object> values = List.of("fake-cluster", "org.apache.cassandra.dht.Murmur3Partitioner", "dc1", "rack1",
        "5.0-fake", hostId, Set.of("0"), schemaVersion);
    return rows(columns, List.of(values));
  }

  private static RowsResult peers(List<FakeNode> peers, List<FakeNode.SimulatedPeer> simulated) {
    List<ColumnDefinition> columns = List.of(
        column("native_address", DataType.INET), column("native_port", DataType.INT),
        column("data_center", DataType.TEXT), column("rack", DataType.TEXT),
        column("release_version", DataType.TEXT), column("host_id", DataType.UUID),
        column("tokens", DataType.setOf(DataType.TEXT)), column("schema_version", DataType.UUID));
    List<List<Object>> rows = new ArrayList<>();
    for (FakeNode peer : peers) {
      try {
        rows.add(List.of(peer.address().getAddress(), peer.address().getPort(), "dc1", "rack1", "5.0-fake",
            peer.hostId(), Set.of(String.valueOf(rows.size() + 1)), peer.schemaVersion()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    for (FakeNode.SimulatedPeer peer : simulated) {
      rows.add(List.of(peer.address().getAddress(), peer.address().getPort(), peer.datacenter(), peer.rack(),
          "5.0-fake", peer.hostId(), peer.tokens(), SCHEMA_VERSION));
    }
    return rows(columns, rows);
  }

  private static ColumnDefinition column(String name, DataType type) {
    return new ColumnDefinition("system", "local", name, type);
  }

  private static RowsResult rows(List<ColumnDefinition> columns, List<List<Object>> values) {
    List<List<ByteBuffer>> cells = new ArrayList<>();
    for (List<Object> row : values) {
      List<ByteBuffer> encoded = new ArrayList<>();
      for (int i = 0; i < row.size(); i++) {
        encoded.add(TypedEncoder.encode(row.get(i), columns.get(i).type()));
      }
      cells.add(encoded);
    }
    return RowsResult.of(RowsMetadata.of(columns, null), cells);
  }
}
