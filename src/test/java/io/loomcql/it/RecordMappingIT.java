package io.loomcql.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loomcql.Cluster;
import io.loomcql.PreparedStatement;
import io.loomcql.Session;
import io.loomcql.SimpleStatement;
import io.loomcql.testkit.CassandraExtension;
import io.loomcql.testkit.TestKeyspaces;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Rows to Java records by component name, on a real node. */
@ExtendWith(CassandraExtension.class)
class RecordMappingIT {
  record User(UUID userId, String displayName, int loginCount, Instant lastSeen) {}

  record WrongType(UUID userId, Instant displayName) {}

  record Missing(UUID userId, String nickname) {}

  private static Cluster cluster;
  private static Session session;

  @BeforeAll
  static void connect(InetSocketAddress contactPoint) {
    cluster = Cluster.builder().addContactPoints(contactPoint).build();
    session = cluster.connect();
    TestKeyspaces.recreate(session, "it_mapping");
    session.setKeyspace("it_mapping");
    session.execute("CREATE TABLE IF NOT EXISTS users (bucket int, user_id uuid, display_name text,"
        + " login_count int, last_seen timestamp, PRIMARY KEY (bucket, user_id))");
  }

  @AfterAll
  static void close() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void should_map_rows_to_records_across_pages() {
    PreparedStatement insert =
        session.prepare("INSERT INTO users (bucket, user_id, display_name, login_count, last_seen) VALUES (1, ?, ?, ?, ?)");
    for (int i = 0; i < 25; i++) {
      session.execute(insert.bind(UUID.randomUUID(), "user " + i, i, Instant.ofEpochSecond(1_700_000_000L + i)));
    }
    session.execute(insert.bind(UUID.randomUUID(), "never logged in", null, null)); // nulls: 0 and null

    List<User> users =
        session.execute(SimpleStatement.newInstance("SELECT * FROM users WHERE bucket = 1").setPageSize(10)).as(User.class);

    assertThat(users).hasSize(26);
    User quiet = users.stream().filter(u -> u.displayName().equals("never logged in")).findFirst().orElseThrow();
    assertThat(quiet.loginCount()).isZero();
    assertThat(quiet.lastSeen()).isNull();
    assertThat(users).filteredOn(u -> u.displayName().equals("user 7")).singleElement()
        .satisfies(u -> assertThat(u.lastSeen()).isEqualTo(Instant.ofEpochSecond(1_700_000_007L)));
  }

  @Test
  void should_map_with_a_row_mapper() {
    session.execute("INSERT INTO users (bucket, user_id, display_name) VALUES (2, ?, 'mapped')", UUID.randomUUID());
    List<String> names =
        session.execute("SELECT display_name FROM users WHERE bucket = 2").map(row -> row.getString(0).toUpperCase()).toList();
    assertThat(names).containsExactly("MAPPED");
  }

  @Test
  void should_name_the_component_and_the_columns_when_one_is_missing() {
    assertThatThrownBy(() -> session.execute("SELECT user_id, display_name FROM users WHERE bucket = 3").as(Missing.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nickname")
        .hasMessageContaining("[user_id, display_name]");
  }

  @Test
  void should_name_the_column_and_both_types_when_they_do_not_fit() {
    assertThatThrownBy(() -> session.execute("SELECT user_id, display_name FROM users WHERE bucket = 3").as(WrongType.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("display_name")
        .hasMessageContaining("text")
        .hasMessageContaining("Instant");
  }
}
