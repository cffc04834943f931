package io.loomcql.examples;

import io.loomcql.BatchStatement;
import io.loomcql.BatchType;
import io.loomcql.BoundStatement;
import io.loomcql.Cluster;
import io.loomcql.PreparedStatement;
import io.loomcql.Row;
import io.loomcql.Session;
import io.loomcql.Unset;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Prepared statements: prepare once and bind many times; bind positionally, by marker name, or
 * from a record; leave a marker unset; batch bound statements; and see a wrong value rejected
 * before anything is sent.
 */
public final class PreparedExample {
  static final String KEYSPACE = "examples_prepared";

  /** A record binds by component name: component {@code sku} fills marker {@code sku}. */
  public record Product(UUID id, String sku, int stock) {}

  /**
   * What the example observed.
   *
   * @param cachedInstance whether preparing the same text again returned the same object
   * @param bindError the message of the rejected bind (names the marker and both types)
   * @param skus the SKUs read back, sorted
   * @param untouchedNote the note of the row updated with the note left unset (kept, not nulled)
   */
  public record Outcome(boolean cachedInstance, String bindError, List<String> skus, String untouchedNote) {}

  private PreparedExample() {}

  public static void main(String[] args) {
    System.out.println(run(ExampleContactPoint.from(args)));
  }

  public static Outcome run(InetSocketAddress contactPoint) {
    try (Cluster cluster = Cluster.builder().addContactPoints(contactPoint).build();
        Session session = cluster.connect()) {
      session.execute("CREATE KEYSPACE IF NOT EXISTS " + KEYSPACE
          + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
      try {
        session.setKeyspace(KEYSPACE);
        session.execute("CREATE TABLE IF NOT EXISTS products"
            + " (id uuid PRIMARY KEY, sku text, stock int, note text, updated timestamp)");

        // Prepare once, at start-up. The session caches by query text and keyspace, so preparing
        // the same text again returns the same instance without a round trip.
        PreparedStatement insert =
            session.prepare("INSERT INTO products (id, sku, stock, note, updated) VALUES (?, ?, ?, ?, ?)");
        boolean cached = session.prepare(
            "INSERT INTO products (id, sku, stock, note, updated) VALUES (?, ?, ?, ?, ?)") == insert;

        // Positional binding: each value is checked against its marker's CQL type before sending.
        UUID first = UUID.randomUUID();
        session.execute(insert.bind(first, "SKU-1", 10, "first batch", Instant.now()));

        // By marker name; markers never set stay unset (protocol v4+), which writes nothing.
        BoundStatement byName = insert.boundStatementBuilder()
            .set("id", UUID.randomUUID())
            .set("sku", "SKU-2", String.class)
            .set("stock", 5)
            .build();
        session.execute(byName);

        // Unset.VALUE leaves one column as it is; null would write a tombstone instead.
        PreparedStatement update = session.prepare("UPDATE products SET stock = ?, note = ? WHERE id = ?");
        session.execute(update.bind(9, Unset.VALUE, first));

        // A single record binds by component name (markers id, sku, stock).
        PreparedStatement insertProduct = session.prepare("INSERT INTO products (id, sku, stock) VALUES (?, ?, ?)");
        session.execute(insertProduct.bindRecord(new Product(UUID.randomUUID(), "SKU-3", 7)));

        // Batches of bound statements (a logged batch applies all or nothing, eventually).
        BatchStatement batch = BatchStatement.newInstance(BatchType.LOGGED)
            .add(insertProduct.bind(UUID.randomUUID(), "SKU-4", 1))
            .add(insertProduct.bind(UUID.randomUUID(), "SKU-5", 2)); // add returns a copy: chain it
        session.execute(batch);

        // A value that does not fit its marker fails here, naming the marker and both types.
        String bindError;
        try {
          insert.bind(UUID.randomUUID(), "SKU-6", "not a number");
          throw new AssertionError("a String bound to an int marker should have been refused");
        } catch (IllegalArgumentException e) {
          bindError = e.getMessage();
          System.out.println("refused: " + bindError);
        }

        PreparedStatement byId = session.prepare("SELECT note, stock FROM products WHERE id = ?");
        Row updated = session.execute(byId.bind(first)).one();
        System.out.println("after update: stock " + updated.getInt("stock") + ", note " + updated.getString("note"));

        List<String> skus = new ArrayList<>();
        session.execute("SELECT sku FROM products").forEach(row -> skus.add(row.getString("sku")));
        skus.sort(null);
        return new Outcome(cached, bindError, skus, updated.getString("note"));
      } finally {
        session.execute("DROP KEYSPACE IF EXISTS " + KEYSPACE);
      }
    }
  }
}
