package io.loomcql.examples;

import io.loomcql.Cluster;
import io.loomcql.ConsistencyLevel;
import io.loomcql.ResultSet;
import io.loomcql.Row;
import io.loomcql.Session;
import io.loomcql.SimpleStatement;
import io.loomcql.metadata.Host;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The basics: build a cluster, open a session, create a keyspace and a table, write with
 * positional and named values, read rows back by column name, update, delete, and clean up.
 *
 * <p>Run it with {@code main} (contact point from the first argument, else
 * {@code LOOMCQL_CONTACT_POINT}, else 127.0.0.1:9042); {@code ExamplesIT} runs {@link #run}.
 */
public final class BasicExample {
  static final String KEYSPACE = "examples_basic";

  private BasicExample() {}

  public static void main(String[] args) {
    System.out.println("users left: " + run(ExampleContactPoint.from(args)));
  }

  /**
   * Does the work and returns the names of the users left at the end, in id order: "Ada
   * Lovelace" (updated) and "Linus" ("Grace" is deleted).
   */
  public static List<String> run(InetSocketAddress contactPoint) {
    // One Cluster per application: it holds the control connection and the configuration.
    // Every option has a default; docs/configuration.md lists them.
    try (Cluster cluster = Cluster.builder().addContactPoints(contactPoint).build();
        // A session is thread-safe: share one across the application (here, one keyspace-less one).
        Session session = cluster.connect()) {
      Host coordinator = session.hosts().iterator().next();
      System.out.println("connected to " + coordinator.address() + " (Cassandra " + coordinator.releaseVersion()
          + ", protocol " + cluster.protocolVersion() + ")");

      session.execute("CREATE KEYSPACE IF NOT EXISTS " + KEYSPACE
          + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
      try {
        // Switches every connection of the session to the keyspace (a USE on each).
        session.setKeyspace(KEYSPACE);
        // A DDL statement returns once the nodes agree on the schema, so the table is usable at once.
        session.execute("CREATE TABLE IF NOT EXISTS users (id int PRIMARY KEY, name text, email text)");

        // Positional values: serialized from their Java types (Integer -> int, String -> text).
        session.execute("INSERT INTO users (id, name, email) VALUES (?, ?, ?)", 1, "Ada", "ada@example.com");
        // Named values, for :name markers.
        session.execute("INSERT INTO users (id, name, email) VALUES (:id, :name, :email)",
            Map.of("id", 2, "name", "Grace", "email", "grace@example.com"));
        // A statement object carries per-request options. Statements are immutable: each
        // setX returns a copy, so keep the returned value.
        SimpleStatement insert = SimpleStatement.newInstance(
                "INSERT INTO users (id, name, email) VALUES (?, ?, ?)", 3, "Linus", null) // null writes a CQL null
            .setConsistencyLevel(ConsistencyLevel.ONE)
            .setTimeout(Duration.ofSeconds(5));
        session.execute(insert);

        session.execute("UPDATE users SET name = ? WHERE id = ?", "Ada Lovelace", 1);
        session.execute("DELETE FROM users WHERE id = ?", 2);

        // Reading: one() gives the first row (or null); getters go by column name or index.
        Row ada = session.execute("SELECT name, email FROM users WHERE id = ?", 1).one();
        System.out.println("user 1: " + ada.getString("name") + " <" + ada.getString(1) + ">");

        // Iterating a ResultSet crosses page boundaries by itself (see PagingExample).
        ResultSet all = session.execute("SELECT id, name, email FROM users");
        List<Row> rows = new ArrayList<>();
        all.forEach(rows::add);
        rows.sort((a, b) -> Integer.compare(a.getInt("id"), b.getInt("id"))); // partitions come in token order
        List<String> names = new ArrayList<>();
        for (Row row : rows) {
          // isNull tells a CQL null from an empty value; getString returns null for both.
          System.out.println(row.getInt("id") + " " + row.getString("name")
              + (row.isNull("email") ? " (no email)" : " " + row.getString("email")));
          names.add(row.getString("name"));
        }
        return names;
      } finally {
        session.execute("DROP KEYSPACE IF EXISTS " + KEYSPACE);
      }
    }
  }
}
