package io.loomcql.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.loomcql.Cluster;
import io.loomcql.Compression;
import io.loomcql.PreparedStatement;
import io.loomcql.ProtocolVersion;
import io.loomcql.Row;
import io.loomcql.Session;
import io.loomcql.testkit.CassandraExtension;
import io.loomcql.testkit.TestKeyspaces;
import io.loomcql.type.CqlDuration;
import io.loomcql.type.CqlVector;
import io.loomcql.type.DataType;
import io.loomcql.type.TupleType;
import io.loomcql.type.TupleValue;
import io.loomcql.type.UdtValue;
import io.loomcql.type.UserDefinedType;
import io.loomcql.type.VectorType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every CQL type written with prepared statements and read back equal, updates and deletes, on v4
 * and v5 with and without LZ4; nulls and vector search on v4 and v5.
 */
@ExtendWith(CassandraExtension.class)
class TypesIT {
  private static final String KEYSPACE = "it_types";
  private static final String COLUMNS = "k, a_ascii, a_bigint, a_blob, a_boolean, a_date, a_decimal, a_double,"
      + " a_duration, a_float, a_inet, a_int, a_smallint, a_text, a_time, a_timestamp, a_timeuuid, a_tinyint,"
      + " a_uuid, a_varint, l_int, s_text, m_text_double, l_addr, addr, pair, v_float, v_text";
  private static final int COLUMN_COUNT = COLUMNS.split(",").length;

  private static InetSocketAddress contactPoint;

  @BeforeAll
  static void createSchema(InetSocketAddress address) {
    contactPoint = address;
    try (Cluster cluster = Cluster.builder().addContactPoints(address).build(); Session session = cluster.connect()) {
      TestKeyspaces.recreate(session, KEYSPACE);
      session.execute("CREATE TYPE " + KEYSPACE + ".address (street text, zip int, tags set<text>)");
      session.execute("CREATE TABLE " + KEYSPACE + ".everything (k text PRIMARY KEY, a_ascii ascii, a_bigint bigint,"
          + " a_blob blob, a_boolean boolean, a_date date, a_decimal decimal, a_double double, a_duration duration,"
          + " a_float float, a_inet inet, a_int int, a_smallint smallint, a_text text, a_time time,"
          + " a_timestamp timestamp, a_timeuuid timeuuid, a_tinyint tinyint, a_uuid uuid, a_varint varint,"
          + " l_int list<int>, s_text set<text>, m_text_double map<text, double>, l_addr list<frozen<address>>,"
          + " addr frozen<address>, pair tuple<int, text>, v_float vector<float, 3>, v_text vector<text, 2>)");
      session.execute("CREATE TABLE " + KEYSPACE + ".items (id int PRIMARY KEY, v vector<float, 3>)");
      session.execute("CREATE CUSTOM INDEX items_v ON " + KEYSPACE + ".items (v) USING 'StorageAttachedIndex'");
    }
  }

  private static Cluster cluster(ProtocolVersion version) {
    return cluster(version, Compression.NONE);
  }

  private static Cluster cluster(ProtocolVersion version, Compression compression) {
    return Cluster.builder().addContactPoints(contactPoint).withProtocolVersion(version)
        .withCompression(compression).build();
  }

  /** v4 and v5, each without compression and with LZ4 (v4 compresses frame bodies, v5 segments). */
  static Stream<Arguments> versionsAndCompressions() {
    return Stream.of(ProtocolVersion.V4, ProtocolVersion.V5)
        .flatMap(v -> Stream.of(Arguments.of(v, Compression.NONE), Arguments.of(v, Compression.LZ4)));
  }

  @ParameterizedTest
  @MethodSource("versionsAndCompressions")
  void should_read_back_every_type_equal_when_written_with_a_prepared_statement(
      ProtocolVersion version, Compression compression) throws Exception {
    try (Cluster cluster = cluster(version, compression); Session session = cluster.connect(KEYSPACE)) {
      PreparedStatement insert = session.prepare("INSERT INTO everything (" + COLUMNS + ") VALUES ("
          + "?, ".repeat(COLUMN_COUNT - 1) + "?)");
      UserDefinedType address = (UserDefinedType) insert.variableDefinitions().get(24).type();
      TupleType pair = (TupleType) insert.variableDefinitions().get(25).type();
      assertThat(insert.variableDefinitions().get(26).type()).isEqualTo(new VectorType(DataType.FLOAT, 3));
      assertThat(insert.variableDefinitions().get(27).type()).isEqualTo(new VectorType(DataType.TEXT, 2));

      UdtValue home = address.newValue().with("street", "Main St").with("zip", 75001).with("tags", Set.of("a", "b"));
      List<Object> values = new ArrayList<>(List.of("full-" + version + "-" + compression, "ascii", Long.MIN_VALUE,
          ByteBuffer.wrap(new byte[] {0, 1, 2}), true, LocalDate.of(2024, 2, 29), new BigDecimal("-1234567890.0987654321e-30"),
          Double.NaN, CqlDuration.parse("-1y2mo3d4h5m6s7ms8us9ns"), Float.POSITIVE_INFINITY,
          InetAddress.getByName("2001:db8::8a2e:370:7334"), Integer.MAX_VALUE, Short.MIN_VALUE, "héllo wörld ✓",
          LocalTime.of(23, 59, 59, 999_999_999), Instant.parse("1969-07-20T20:17:40.123Z"),
          UUID.fromString("50554d6e-29bb-11e5-b345-feff819cdc9f"), Byte.MIN_VALUE, UUID.randomUUID(),
          BigInteger.TWO.pow(200).negate(), List.of(1, 2, 3), Set.of("x", ""), Map.of("pi", Math.PI, "", -0.0),
          List.of(home, address.newValue()), home, pair.newValue(7, "seven"),
          CqlVector.of(0.5f, -1.5f, Float.MAX_VALUE), CqlVector.of("", "vector ✓")));
      session.execute(insert.bind(values.toArray()));

      Row row = session.execute("SELECT " + COLUMNS + " FROM everything WHERE k = ?", values.get(0)).one();
      for (int i = 0; i < COLUMN_COUNT; i++) {
        assertThat(row.getObject(i)).as(row.columnDefinitions().get(i).name()).isEqualTo(values.get(i));
      }
      assertThat(row.getVector("v_float", Float.class).toFloatArray()).containsExactly(0.5f, -1.5f, Float.MAX_VALUE);
      assertThat(row.getUdtValue("addr").getInt("ZIP")).isEqualTo(75001);
      assertThat(row.getTupleValue("pair").getString(1)).isEqualTo("seven");
      assertThat(row.getList("l_addr", UdtValue.class)).hasSize(2);
      assertThat(row.getDuration("a_duration")).isEqualTo(values.get(8));
      assertThat(row.get("pair", TupleValue.class)).isEqualTo(values.get(25));

      // float[] binds as vector<float, n>
      String floats = "floats-" + version + "-" + compression;
      session.execute(insert.boundStatementBuilder().set("k", floats)
          .set("v_float", new float[] {1f, 2f, 3f}, float[].class).build());
      assertThat(session.execute("SELECT v_float FROM everything WHERE k = ?", floats).one()
          .getVector(0, Float.class)).isEqualTo(CqlVector.of(1f, 2f, 3f));
    }
  }

  /** F32's CRUD beyond insert and select: updates of plain and collection columns, deletes of cells and rows. */
  @ParameterizedTest
  @MethodSource("versionsAndCompressions")
  void should_update_and_delete_cells_collection_elements_and_rows(ProtocolVersion version, Compression compression) {
    String key = "crud-" + version + "-" + compression;
    try (Cluster cluster = cluster(version, compression); Session session = cluster.connect(KEYSPACE)) {
      PreparedStatement insert = session.prepare(
          "INSERT INTO everything (k, a_int, a_text, l_int, s_text, m_text_double) VALUES (?, ?, ?, ?, ?, ?)");
      session.execute(insert.bind(key, 1, "one", List.of(1, 2), Set.of("a", "b"), Map.of("x", 1.0)));

      PreparedStatement update = session.prepare("UPDATE everything SET a_int = ?, a_text = null, l_int = l_int + ?,"
          + " s_text = s_text - ?, m_text_double[?] = ? WHERE k = ?");
      session.execute(update.bind(2, List.of(3), Set.of("a"), "y", 2.5, key));
      Row updated = session.execute(
          "SELECT a_int, a_text, l_int, s_text, m_text_double FROM everything WHERE k = ?", key).one();
      assertThat(updated.getInt("a_int")).isEqualTo(2);
      assertThat(updated.isNull("a_text")).isTrue();
      assertThat(updated.getList("l_int", Integer.class)).containsExactly(1, 2, 3);
      assertThat(updated.getSet("s_text", String.class)).containsExactly("b");
      assertThat(updated.getMap("m_text_double", String.class, Double.class)).containsOnly(
          Map.entry("x", 1.0), Map.entry("y", 2.5));

      session.execute("DELETE a_int, l_int[0], m_text_double['x'] FROM everything WHERE k = ?", key);
      Row deleted = session.execute("SELECT a_int, l_int, m_text_double FROM everything WHERE k = ?", key).one();
      assertThat(deleted.isNull("a_int")).isTrue();
      assertThat(deleted.getList("l_int", Integer.class)).containsExactly(2, 3);
      assertThat(deleted.getMap("m_text_double", String.class, Double.class)).containsOnly(Map.entry("y", 2.5));

      session.execute("DELETE FROM everything WHERE k = ?", key);
      assertThat(session.execute("SELECT k FROM everything WHERE k = ?", key).one()).isNull();
    }
  }

  @ParameterizedTest
  @EnumSource(value = ProtocolVersion.class, names = {"V4", "V5"})
  void should_read_nulls_and_empty_collections_when_nothing_or_empty_was_written(ProtocolVersion version) {
    try (Cluster cluster = cluster(version); Session session = cluster.connect(KEYSPACE)) {
      PreparedStatement insert = session.prepare("INSERT INTO everything (" + COLUMNS + ") VALUES ("
          + "?, ".repeat(COLUMN_COUNT - 1) + "?)");
      Object[] values = new Object[COLUMN_COUNT];
      values[0] = "nulls-" + version;
      values[20] = List.of();
      values[21] = Set.of();
      values[22] = Map.of();
      session.execute(insert.bind(values));
      Row row = session.execute("SELECT " + COLUMNS + " FROM everything WHERE k = ?", values[0]).one();
      for (int i = 1; i < COLUMN_COUNT; i++) {
        assertThat(row.isNull(i)).as(row.columnDefinitions().get(i).name()).isTrue();
      }
      assertThat(row.getList("l_int", Integer.class)).isEmpty();
      assertThat(row.getSet("s_text", String.class)).isEmpty();
      assertThat(row.getMap("m_text_double", String.class, Double.class)).isEmpty();
      assertThat(row.getVector("v_text", String.class)).isNull();
      assertThat(row.getUdtValue("addr")).isNull();
      assertThat(row.getDuration("a_duration")).isNull();
    }
  }

  @ParameterizedTest
  @EnumSource(value = ProtocolVersion.class, names = {"V4", "V5"})
  void should_return_the_nearest_rows_when_ordering_by_ann_of_a_vector(ProtocolVersion version) {
    try (Cluster cluster = cluster(version); Session session = cluster.connect(KEYSPACE)) {
      PreparedStatement insert = session.prepare("INSERT INTO items (id, v) VALUES (?, ?)");
      session.execute(insert.bind(1, CqlVector.of(1f, 0f, 0f)));
      session.execute(insert.bind(2, new float[] {0.9f, 0.2f, 0f}));
      session.execute(insert.bind(3, CqlVector.of(0f, 1f, 0f)));
      session.execute(insert.bind(4, CqlVector.of(0f, 0f, 1f)));
      session.execute(insert.bind(5, CqlVector.of(-1f, 0f, 0f)));

      List<Integer> nearest = session.execute("SELECT id FROM items ORDER BY v ANN OF [1.0, 0.05, 0.0] LIMIT 2")
          .all().stream().map(r -> r.getInt("id")).toList();
      assertThat(nearest).containsExactlyInAnyOrder(1, 2);

      PreparedStatement ann = session.prepare("SELECT id, v FROM items ORDER BY v ANN OF ? LIMIT 1");
      Row top = session.execute(ann.bind(CqlVector.of(0f, 0.1f, 1f))).one();
      assertThat(top.getInt("id")).isEqualTo(4);
      assertThat(top.getVector("v", Float.class)).isEqualTo(CqlVector.of(0f, 0f, 1f));
    }
  }
}
