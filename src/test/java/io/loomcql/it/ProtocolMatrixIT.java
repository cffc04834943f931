package io.loomcql.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.loomcql.Cluster;
import io.loomcql.Compression;
import io.loomcql.PreparedStatement;
import io.loomcql.ProtocolVersion;
import io.loomcql.ResultSet;
import io.loomcql.Row;
import io.loomcql.Session;
import io.loomcql.SimpleStatement;
import io.loomcql.testkit.CassandraHarness;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every protocol version with every compression it allows, against a real Cassandra 5.0 node. */
class ProtocolMatrixIT {
  private static InetSocketAddress contactPoint;

  @BeforeAll
  static void setUp() {
    contactPoint = CassandraHarness.singleNode();
    try (Cluster cluster = Cluster.builder().addContactPoints(contactPoint).build();
        Session session = cluster.connect()) {
      session.execute("CREATE KEYSPACE IF NOT EXISTS it_matrix"
          + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
      session.execute("CREATE TABLE IF NOT EXISTS it_matrix.blobs (k text, n int, payload blob, PRIMARY KEY (k, n))");
    }
  }

  static Stream<Arguments> combinations() {
    return Stream.of(
        Arguments.of(ProtocolVersion.V3, Compression.NONE),
        Arguments.of(ProtocolVersion.V3, Compression.LZ4),
        Arguments.of(ProtocolVersion.V3, Compression.SNAPPY),
        Arguments.of(ProtocolVersion.V4, Compression.NONE),
        Arguments.of(ProtocolVersion.V4, Compression.LZ4),
        Arguments.of(ProtocolVersion.V4, Compression.SNAPPY),
        Arguments.of(ProtocolVersion.V5, Compression.NONE),
        Arguments.of(ProtocolVersion.V5, Compression.LZ4));
  }

  @ParameterizedTest(name = "{0} with {1}")
  @MethodSource("combinations")
  void should_write_and_read_back_including_a_multi_megabyte_result(ProtocolVersion version, Compression compression) {
    try (Cluster cluster =
            Cluster.builder()
                .addContactPoints(contactPoint)
                .withProtocolVersion(version)
                .withCompression(compression)
                .build();
        Session session = cluster.connect("it_matrix")) {
      assertThat(cluster.protocolVersion()).isEqualTo(version);
      String key = version + "-" + compression;
      PreparedStatement insert = session.prepare("INSERT INTO blobs (k, n, payload) VALUES (?, ?, ?)");
      Random random = new Random(42);
      byte[][] payloads = new byte[24][];
      for (int n = 0; n < payloads.length; n++) {
        payloads[n] = new byte[200_000]; // 24 x 200 KB: one result of ~4.8 MB, dozens of v5 segments
        random.nextBytes(payloads[n]);
        if (n % 2 == 0) {
          java.util.Arrays.fill(payloads[n], 0, 150_000, (byte) n); // compressible half the time
        }
        session.execute(insert.bind(key, n, ByteBuffer.wrap(payloads[n])));
      }
      ResultSet result = session.execute(
          SimpleStatement.newInstance("SELECT n, payload FROM blobs WHERE k = ?", key).setPageSize(1000));
      List<Row> rows = result.currentRows();
      assertThat(rows).hasSize(payloads.length);
      for (Row row : rows) {
        assertThat(row.getByteBuffer("payload")).isEqualTo(ByteBuffer.wrap(payloads[row.getInt("n")]));
      }
    }
  }

  @Test
  void should_negotiate_v5_with_a_cassandra_5_node_by_default() {
    try (Cluster cluster = Cluster.builder().addContactPoints(contactPoint).build();
        Session session = cluster.connect()) {
      assertThat(cluster.protocolVersion()).isEqualTo(ProtocolVersion.V5);
      assertThat(session.execute("SELECT release_version FROM system.local").one().getString(0)).startsWith("5.0");
    }
  }
}
