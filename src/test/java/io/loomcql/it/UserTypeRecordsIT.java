package io.loomcql.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loomcql.Cluster;
import io.loomcql.PreparedStatement;
import io.loomcql.Row;
import io.loomcql.Session;
import io.loomcql.error.UserTypeDoesNotExistException;
import io.loomcql.testkit.CassandraExtension;
import io.loomcql.testkit.TestKeyspaces;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** User types mapped to records, and records bound by component name, on a real node. */
@ExtendWith(CassandraExtension.class)
class UserTypeRecordsIT {
  record Address(String street, int zipCode) {}

  record Customer(int id, String fullName, Address home, List<Address> previous) {}

  record Partial(int id) {}

  private static Cluster cluster;
  private static Session session;

  @BeforeAll
  static void connect(InetSocketAddress contactPoint) {
    cluster = Cluster.builder().addContactPoints(contactPoint).build();
    session = cluster.connect();
    TestKeyspaces.recreate(session, "it_udt_records");
    session.setKeyspace("it_udt_records");
    session.execute("CREATE TYPE IF NOT EXISTS address (street text, zip_code int)");
    session.execute("CREATE TABLE IF NOT EXISTS customers (id int PRIMARY KEY, full_name text,"
        + " home frozen<address>, previous list<frozen<address>>)");
    session.registerUserType("it_udt_records", "address", Address.class);
  }

  @AfterAll
  static void close() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void should_bind_a_record_by_component_name_and_read_user_types_back_as_records() {
    PreparedStatement insert =
        session.prepare("INSERT INTO customers (id, full_name, home, previous) VALUES (?, ?, ?, ?)");
    Customer ada = new Customer(1, "Ada Lovelace", new Address("12 St James's Sq", 1815),
        List.of(new Address("Marylebone", 1835), new Address("Ockham", 1840)));
    session.execute(insert.bind(ada)); // one record: its components fill the markers by name

    Row row = session.execute("SELECT * FROM customers WHERE id = 1").one();
    assertThat(row.getObject("home")).isEqualTo(ada.home());
    assertThat(row.getList("previous", Address.class)).isEqualTo(ada.previous());
    assertThat(row.getUdtValue("home").getInt("zip_code")).isEqualTo(1815); // the raw value is still there

    List<Customer> read = session.execute("SELECT id, full_name, home, previous FROM customers WHERE id = 1")
        .as(Customer.class);
    assertThat(read).containsExactly(ada);
  }

  @Test
  void should_bind_a_record_where_a_user_type_is_expected() {
    PreparedStatement update = session.prepare("UPDATE customers SET home = ? WHERE id = ?");
    session.execute(update.bind(new Address("Horsley Towers", 1846), 2));
    assertThat(session.execute("SELECT home FROM customers WHERE id = 2").one().getObject(0))
        .isEqualTo(new Address("Horsley Towers", 1846));
  }

  @Test
  void should_refuse_an_unknown_user_type() {
    assertThatThrownBy(() -> session.registerUserType("it_udt_records", "no_such_type", Address.class))
        .isInstanceOfSatisfying(UserTypeDoesNotExistException.class, e -> {
          assertThat(e.keyspace()).isEqualTo("it_udt_records");
          assertThat(e.userType()).isEqualTo("no_such_type");
        });
  }

  @Test
  void should_name_the_marker_no_component_fills() {
    PreparedStatement insert = session.prepare("INSERT INTO customers (id, full_name) VALUES (?, ?)");
    assertThatThrownBy(() -> insert.bindRecord(new Partial(3)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("full_name")
        .hasMessageContaining("Partial");
  }
}
