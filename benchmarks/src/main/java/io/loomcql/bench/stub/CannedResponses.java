package io.loomcql.bench.stub;

import io.loomcql.ColumnDefinition;
import io.loomcql.ProtocolVersion;
import io.loomcql.bench.Workload;
import io.loomcql.internal.codec.TypedEncoder;
import io.loomcql.internal.protocol.ErrorCodes;
import io.loomcql.internal.protocol.ErrorDetails;
import io.loomcql.internal.protocol.ErrorResponse;
import io.loomcql.internal.protocol.Frame;
import io.loomcql.internal.protocol.FrameCodec;
import io.loomcql.internal.protocol.PreparedMetadata;
import io.loomcql.internal.protocol.PreparedResult;
import io.loomcql.internal.protocol.Response;
import io.loomcql.internal.protocol.RowsMetadata;
import io.loomcql.internal.protocol.RowsResult;
import io.loomcql.internal.protocol.VoidResult;
import io.loomcql.type.DataType;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Every answer of the stub, built once with the driver's codecs. The answers to EXECUTE are kept
 * as encoded frames (stream id 0) per workload, protocol version and skip-metadata flag; the
 * connection copies one and patches the stream id, so the hot path decodes and allocates nothing.
 *
 * <p>Immutable after construction; shared by every connection.
 */
public final class CannedResponses {
  static final String DATACENTER = "dc1";
  private static final UUID HOST_ID = UUID.fromString("6c1c6e6a-0000-4000-8000-000000000001");
  private static final UUID SCHEMA_VERSION = UUID.fromString("6c1c6e6a-0000-4000-8000-000000000002");
  private static final byte[] ID_PREFIX = "loomcql-stub-id".getBytes(StandardCharsets.US_ASCII); // 15 bytes

  /** [workload][version 4/5 -> 0/1][skipMetadata 0/1]: an encoded frame, position 0, stream id 0. */
  private final ByteBuffer[][][] executeAnswers = new ByteBuffer[Workload.values().length][2][2];

  public CannedResponses() {
    for (Workload w : Workload.values()) {
      for (ProtocolVersion v : List.of(ProtocolVersion.V4, ProtocolVersion.V5)) {
        executeAnswers[w.ordinal()][v.code() - 4][0] = encode(Frame.of(v, 0, executeResult(w, false)));
        executeAnswers[w.ordinal()][v.code() - 4][1] = encode(Frame.of(v, 0, executeResult(w, true)));
      }
    }
  }

  /** The 16-byte prepared id of a workload: a fixed prefix and the workload's ordinal. */
  public static ByteBuffer preparedId(Workload w) {
    byte[] id = Arrays.copyOf(ID_PREFIX, 16);
    id[15] = (byte) w.ordinal();
    return ByteBuffer.wrap(id).asReadOnlyBuffer();
  }

  /** The workload a prepared id names (only its last byte is read), or null. */
  static Workload workloadOf(ByteBuffer frame, int idOffset, int idLength) {
    if (idLength != 16) {
      return null;
    }
    int ordinal = frame.get(idOffset + 15);
    Workload[] all = Workload.values();
    return ordinal >= 0 && ordinal < all.length ? all[ordinal] : null;
  }

  /** The encoded answer to an EXECUTE of {@code w}: a read-only view to copy, stream id still 0. */
  public ByteBuffer executeAnswer(Workload w, int version, boolean skipMetadata) {
    return executeAnswers[w.ordinal()][version - 4][skipMetadata ? 1 : 0].duplicate();
  }

  static PreparedResult prepared(Workload w, ProtocolVersion version) {
    List<ColumnDefinition> variables = new ArrayList<>();
    String[] names = {"pk", "v1", "v2"};
    for (int i = 0; i < w.boundValues; i++) {
      variables.add(new ColumnDefinition("bench", table(w), names[i], DataType.BIGINT));
    }
    ByteBuffer metadataId = version.code() >= 5 ? ByteBuffer.wrap(new byte[] {1, 2, 3, 4}) : null;
    return new PreparedResult(preparedId(w), metadataId, new PreparedMetadata(variables, List.of(0)),
        resultMetadata(w));
  }

  private static String table(Workload w) {
    return w == Workload.VOID || w == Workload.E2E_INSERT || w == Workload.E2E_SELECT ? "kv" : "t";
  }

  private static RowsMetadata resultMetadata(Workload w) {
    List<ColumnDefinition> columns = new ArrayList<>();
    String[] names = w.columns.contains(Workload.Column.TEXT) ? new String[] {"pk", "t", "b"} : new String[] {"pk", "v1", "v2"};
    for (int i = 0; i < w.columns.size(); i++) {
      columns.add(new ColumnDefinition("bench", table(w), names[i], dataType(w.columns.get(i))));
    }
    return RowsMetadata.of(columns, null);
  }

  private static DataType dataType(Workload.Column column) {
    return switch (column) {
      case BIGINT -> DataType.BIGINT;
      case TEXT -> DataType.TEXT;
      case BLOB -> DataType.BLOB;
    };
  }

  private static Response executeResult(Workload w, boolean skipMetadata) {
    if (w.stubRows == 0) {
      return VoidResult.INSTANCE;
    }
    RowsMetadata full = resultMetadata(w);
    List<List<ByteBuffer>> rows = new ArrayList<>();
    byte[] blob = new byte[100];
    Arrays.fill(blob, (byte) 0x5A);
    for (int r = 0; r < w.stubRows; r++) {
      List<ByteBuffer> row = new ArrayList<>();
      for (Workload.Column c : w.columns) {
        row.add(switch (c) {
          case BIGINT -> TypedEncoder.encode((long) r, DataType.BIGINT);
          case TEXT -> TypedEncoder.encode("row number " + r + " of the stub", DataType.TEXT);
          case BLOB -> ByteBuffer.wrap(blob);
        });
      }
      rows.add(row);
    }
    RowsResult withMetadata = RowsResult.of(full, rows);
    if (!skipMetadata) {
      return withMetadata;
    }
    return new RowsResult(new RowsMetadata(null, full.columnCount(), null, null), withMetadata.rowCount(),
        withMetadata.content());
  }

  /** system.local, with the columns both drivers read. */
  static RowsResult systemLocal(InetAddress address) {
    List<ColumnDefinition> columns = List.of(
        local("key", DataType.TEXT), local("bootstrapped", DataType.TEXT),
        local("broadcast_address", DataType.INET), local("cluster_name", DataType.TEXT),
        local("cql_version", DataType.TEXT), local("data_center", DataType.TEXT),
        local("host_id", DataType.UUID), local("listen_address", DataType.INET),
        local("native_protocol_version", DataType.TEXT), local("partitioner", DataType.TEXT),
        local("rack", DataType.TEXT), local("release_version", DataType.TEXT),
        local("rpc_address", DataType.INET), local("schema_version", DataType.UUID),
        local("tokens", DataType.setOf(DataType.TEXT)));
    List<Object> values = List.of("local", "COMPLETED", address, "stub-cluster", "3.4.7", DATACENTER, HOST_ID,
        address, "5", "org.apache.cassandra.dht.Murmur3Partitioner", "rack1", "5.0.6", address, SCHEMA_VERSION,
        Set.of("0"));
    List<ByteBuffer> cells = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      cells.add(TypedEncoder.encode(values.get(i), columns.get(i).type()));
    }
    return RowsResult.of(RowsMetadata.of(columns, null), List.of(cells));
  }

  /** system.peers (legacy): no rows, a single-node cluster. */
  static RowsResult systemPeers() {
    List<ColumnDefinition> columns = List.of(
        peer("peer", DataType.INET), peer("data_center", DataType.TEXT), peer("host_id", DataType.UUID),
        peer("rack", DataType.TEXT), peer("release_version", DataType.TEXT), peer("rpc_address", DataType.INET),
        peer("schema_version", DataType.UUID), peer("tokens", DataType.setOf(DataType.TEXT)));
    return RowsResult.of(RowsMetadata.of(columns, null), List.of());
  }

  /** An empty result with no columns, for any other SELECT. */
  static RowsResult emptyRows() {
    return RowsResult.of(RowsMetadata.of(List.of(), null), List.of());
  }

  /** What the stub answers to system.peers_v2: INVALID, as Cassandra 3.x does, so clients read system.peers. */
  static ErrorResponse noPeersV2() {
    return new ErrorResponse(ErrorCodes.INVALID, "unconfigured table peers_v2", ErrorDetails.None.INSTANCE);
  }

  static ErrorResponse invalid(String message) {
    return new ErrorResponse(ErrorCodes.INVALID, message, ErrorDetails.None.INSTANCE);
  }

  private static ColumnDefinition local(String name, DataType type) {
    return new ColumnDefinition("system", "local", name, type);
  }

  private static ColumnDefinition peer(String name, DataType type) {
    return new ColumnDefinition("system", "peers", name, type);
  }

  static ByteBuffer encode(Frame frame) {
    ByteBuffer out = ByteBuffer.allocate(FrameCodec.encodedSize(frame));
    FrameCodec.encode(frame, out);
    return out.flip().asReadOnlyBuffer();
  }
}
