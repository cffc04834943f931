package io.loomcql.examples;

import io.loomcql.Cluster;
import io.loomcql.PreparedStatement;
import io.loomcql.Row;
import io.loomcql.Session;
import io.loomcql.type.UdtValue;
import io.loomcql.type.UserDefinedType;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;

/**
 * Rows as records, and user-defined types as records or as {@link UdtValue}s. Names match by
 * component: column or field {@code zip_code} fills component {@code zipCode}.
 */
public final class RecordsAndUdtsExample {
  static final String KEYSPACE = "examples_records";

  /** Mapped to the user type {@code address} with {@code registerUserType}. */
  public record Address(String street, String city, int zipCode) {}

  /** A row of {@code customers}: {@code full_name} fills {@code fullName}; UDTs nest, also in lists. */
  public record Customer(int id, String fullName, Address home, List<Address> previous) {}

  /** A projection: a record needs only the columns it names. */
  public record NameOnly(String fullName) {}

  /**
   * What the example observed.
   *
   * @param customers every customer, by id
   * @param names the names, through a projection record
   * @param cityFromUdtValue the city read from an unregistered-style {@link UdtValue}
   * @param homeCities id to home city, through {@code map(RowMapper)}
   */
  public record Outcome(List<Customer> customers, List<String> names, String cityFromUdtValue,
      Map<Integer, String> homeCities) {}

  private RecordsAndUdtsExample() {}

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
        session.execute("CREATE TYPE IF NOT EXISTS address (street text, city text, zip_code int)");
        session.execute("CREATE TABLE IF NOT EXISTS customers (id int PRIMARY KEY, full_name text,"
            + " home frozen<address>, previous list<frozen<address>>)");

        // From now on, address values read as Address, and Address binds as an address value.
        // The mapping is JVM-wide, keyed by keyspace and type name; the type must exist.
        session.registerUserType(KEYSPACE, "address", Address.class);

        // Bind a whole row from a record: each marker takes the component of its name.
        PreparedStatement insert =
            session.prepare("INSERT INTO customers (id, full_name, home, previous) VALUES (?, ?, ?, ?)");
        session.execute(insert.bindRecord(new Customer(1, "Ada Lovelace",
            new Address("12 St James's Square", "London", 10001),
            List.of(new Address("Ockham Park", "Ockham", 10002)))));
        // Or positionally, with records as UDT values.
        session.execute(insert.bind(2, "Grace Hopper", new Address("1 Navy Way", "Arlington", 22202), List.of()));

        // Without a record: UdtValue, built from the type's metadata. Here the type comes from the
        // prepared statement's marker; cluster.metadata() has it too.
        UserDefinedType addressType = (UserDefinedType) insert.variableDefinitions().get(2).type();
        UdtValue home = addressType.newValue()
            .with("street", "Brattle Street")
            .with("city", "Cambridge")
            .with("zip_code", 2138);
        session.execute(insert.bind(3, "Margaret Hamilton", home, null));

        // Rows to records: one call, across pages. Checked against the columns before any row is read.
        List<Customer> customers = session.execute("SELECT * FROM customers").as(Customer.class);
        customers = customers.stream().sorted((a, b) -> Integer.compare(a.id(), b.id())).toList();
        List<String> names = session.execute("SELECT full_name FROM customers").as(NameOnly.class).stream()
            .map(NameOnly::fullName).sorted().toList();

        // A UdtValue is still available for any user type, registered or not.
        Row row = session.execute("SELECT home FROM customers WHERE id = ?", 3).one();
        String city = row.getUdtValue("home").getString("city");

        // map(RowMapper) is the general form (the Python driver's row_factory): any function of a row.
        Map<Integer, String> homeCities = session.execute("SELECT id, home FROM customers")
            .map(r -> Map.entry(r.getInt("id"), r.get("home", Address.class).city()))
            .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));

        return new Outcome(customers, names, city, homeCities);
      } finally {
        session.execute("DROP KEYSPACE IF EXISTS " + KEYSPACE);
      }
    }
  }
}
