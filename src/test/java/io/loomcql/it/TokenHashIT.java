package io.loomcql.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loomcql.Cluster;
import io.loomcql.PreparedStatement;
import io.loomcql.Row;
import io.loomcql.Session;
import io.loomcql.error.InvalidQueryException;
import io.loomcql.internal.metadata.token.DefaultTokenMap;
import io.loomcql.internal.metadata.token.RoutingKeys;
import io.loomcql.metadata.TokenMap;
import io.loomcql.testkit.CassandraExtension;
import io.loomcql.testkit.TestKeyspaces;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Our partitioner against the server's: for random keys of each partition key shape, the token the
 * node computes ({@code SELECT token(k)}) equals {@link TokenMap#newToken} of the serialized key.
 */
@ExtendWith(CassandraExtension.class)
class TokenHashIT {
  private static final String KEYSPACE = "token_hash";
  private static final int KEYS = 1_000;

  private static Cluster cluster;
  private static Session session;
  private static TokenMap tokenMap;

  @BeforeAll
  static void connect(InetSocketAddress contactPoint) {
    cluster = Cluster.builder().addContactPoints(contactPoint).withConnectionsPerHost(1).build();
    try (Session admin = cluster.connect()) {
      TestKeyspaces.recreate(admin, KEYSPACE);
    }
    session = cluster.connect(KEYSPACE);
    session.execute("CREATE TABLE blob_key (k blob PRIMARY KEY)");
    session.execute("CREATE TABLE text_key (k text PRIMARY KEY)");
    session.execute("CREATE TABLE int_key (k int PRIMARY KEY)");
    session.execute("CREATE TABLE composite_key (a int, b text, PRIMARY KEY ((a, b)))");
    tokenMap = DefaultTokenMap.build(cluster.metadata().partitioner(), cluster.metadata().allHosts(), Map.of(), null);
  }

  @AfterAll
  static void close() {
    if (cluster != null) {
      try (Session admin = cluster.connect()) {
        admin.execute("DROP KEYSPACE IF EXISTS " + KEYSPACE);
      }
      cluster.close();
    }
  }

  @Test
  void should_match_the_server_token_when_the_key_is_a_blob() {
    SplittableRandom random = new SplittableRandom(1);
    PreparedStatement insert = session.prepare("INSERT INTO blob_key (k) VALUES (?)");
    for (int i = 0; i < KEYS; i++) {
      // 1..40 bytes, all 256 values: tails of every length, bytes >= 0x80 that Cassandra sign-extends.
      byte[] key = new byte[1 + random.nextInt(40)];
      random.nextBytes(key);
      session.execute(insert.bind(ByteBuffer.wrap(key)));
    }

    assertEveryToken("blob_key", "k", row -> row.getByteBuffer("k"));
  }

  @Test
  void should_refuse_an_empty_key_and_give_it_the_minimum_token() {
    assertThatThrownBy(() -> session.execute("INSERT INTO blob_key (k) VALUES (0x)"))
        .isInstanceOf(InvalidQueryException.class);
    assertThat(tokenMap.newToken(ByteBuffer.allocate(0))).hasToString(Long.toString(Long.MIN_VALUE));
  }

  @Test
  void should_match_the_server_token_when_the_key_is_text() {
    SplittableRandom random = new SplittableRandom(2);
    PreparedStatement insert = session.prepare("INSERT INTO text_key (k) VALUES (?)");
    for (int i = 0; i < KEYS; i++) {
      session.execute(insert.bind(randomText(random, 1))); // a partition key may not be empty
    }

    assertEveryToken("text_key", "k", row -> utf8(row.getString("k")));
  }

  @Test
  void should_match_the_server_token_when_the_key_is_an_int() {
    SplittableRandom random = new SplittableRandom(3);
    PreparedStatement insert = session.prepare("INSERT INTO int_key (k) VALUES (?)");
    for (int i = 0; i < KEYS; i++) {
      session.execute(insert.bind(random.nextInt()));
    }

    assertEveryToken("int_key", "k", row -> ByteBuffer.allocate(4).putInt(0, row.getInt("k")));
  }

  @Test
  void should_match_the_server_token_when_the_key_is_composite() {
    SplittableRandom random = new SplittableRandom(4);
    PreparedStatement insert = session.prepare("INSERT INTO composite_key (a, b) VALUES (?, ?)");
    for (int i = 0; i < KEYS; i++) {
      session.execute(insert.bind(random.nextInt(), randomText(random, 0)));
    }

    assertEveryToken("composite_key", "a, b",
        row -> RoutingKeys.compose(ByteBuffer.allocate(4).putInt(0, row.getInt("a")), utf8(row.getString("b"))));
    Row one = session.execute("SELECT a, b, token(a, b) FROM composite_key LIMIT 1").one();
    assertThat(tokenMap.newToken(ByteBuffer.allocate(4).putInt(0, one.getInt("a")), utf8(one.getString("b"))))
        .hasToString(Long.toString(one.getLong(2)));
  }

  /** Reads every row with its server token and checks ours for the key the function serializes. */
  private static void assertEveryToken(String table, String key, Function<Row, ByteBuffer> routingKey) {
    List<Row> rows = session.execute("SELECT " + key + ", token(" + key + ") FROM " + table).all();
    assertThat(rows).hasSizeGreaterThan(KEYS * 9 / 10); // random keys may repeat, a few at most
    int tokenColumn = rows.get(0).columnDefinitions().names().size() - 1;
    for (Row row : rows) {
      ByteBuffer serialized = routingKey.apply(row);
      assertThat(tokenMap.newToken(serialized))
          .as("token of %s key %s", table, HexFormat.of().formatHex(bytes(serialized)))
          .hasToString(Long.toString(row.getLong(tokenColumn)));
    }
  }

  /** min..20 code points from ASCII, Latin-1, CJK and astral planes: UTF-8 of 1 to 4 bytes each. */
  private static String randomText(SplittableRandom random, int min) {
    StringBuilder text = new StringBuilder();
    int length = min + random.nextInt(21 - min);
    for (int i = 0; i < length; i++) {
      int codePoint = switch (random.nextInt(4)) {
        case 0 -> 0x20 + random.nextInt(0x5f);
        case 1 -> 0xa0 + random.nextInt(0x60);
        case 2 -> 0x4e00 + random.nextInt(0x5000);
        default -> 0x1f300 + random.nextInt(0x300);
      };
      text.appendCodePoint(codePoint);
    }
    return text.toString();
  }

  private static ByteBuffer utf8(String text) {
    return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] bytes(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.duplicate().get(bytes);
    return bytes;
  }
}
