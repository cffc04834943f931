package io.loomcql.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.loomcql.Cluster;
import io.loomcql.Session;
import io.loomcql.examples.AsyncCallbacksExample;
import io.loomcql.examples.BasicExample;
import io.loomcql.examples.FanOutExample;
import io.loomcql.examples.PagingExample;
import io.loomcql.examples.PreparedExample;
import io.loomcql.examples.RecordsAndUdtsExample;
import io.loomcql.examples.RecordsAndUdtsExample.Address;
import io.loomcql.examples.RecordsAndUdtsExample.Customer;
import io.loomcql.examples.VectorSearchExample;
import io.loomcql.testkit.CassandraExtension;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs every example of {@code io.loomcql.examples} against a real Cassandra 5.0 node and checks
 * what it returns, and that it dropped its keyspace: the examples the docs point to stay working.
 */
@ExtendWith(CassandraExtension.class)
class ExamplesIT {
  private static InetSocketAddress contactPoint;
  private static Cluster observer;
  private static Session session;

  @BeforeAll
  static void connect(InetSocketAddress address) {
    contactPoint = address;
    observer = Cluster.builder().addContactPoints(address).build();
    session = observer.connect();
  }

  @AfterAll
  static void close() {
    if (observer != null) {
      observer.close();
    }
  }

  @Test
  void should_write_update_delete_and_read_back_users_in_the_basic_example() {
    List<String> names = BasicExample.run(contactPoint);

    assertThat(names).containsExactly("Ada Lovelace", "Linus");
    assertKeyspaceDropped("examples_basic");
  }

  @Test
  void should_cache_bind_by_name_and_record_and_refuse_a_wrong_type_in_the_prepared_example() {
    PreparedExample.Outcome outcome = PreparedExample.run(contactPoint);

    assertThat(outcome.cachedInstance()).isTrue();
    assertThat(outcome.skus()).containsExactly("SKU-1", "SKU-2", "SKU-3", "SKU-4", "SKU-5");
    assertThat(outcome.untouchedNote()).isEqualTo("first batch"); // Unset.VALUE kept it
    assertThat(outcome.bindError()).contains("stock").contains("int").contains("java.lang.String");
    assertKeyspaceDropped("examples_prepared");
  }

  @Test
  void should_compose_callbacks_and_recover_from_an_error_in_the_async_example() {
    AsyncCallbacksExample.Outcome outcome = AsyncCallbacksExample.run(contactPoint);

    assertThat(outcome.inserted()).isEqualTo(20);
    assertThat(outcome.counted()).isEqualTo(20L);
    assertThat(outcome.recovered()).isEqualTo(-1L); // the SyntaxError, unwrapped
    assertThat(outcome.events()).contains(
        "inserted 20", "first seq 0", "count 20", "recovered from SyntaxError", "first page had 1 row");
    assertKeyspaceDropped("examples_async");
  }

  @Test
  void should_iterate_walk_and_resume_pages_in_the_paging_example() {
    PagingExample.Outcome outcome = PagingExample.run(contactPoint);

    assertThat(outcome.iterated()).isEqualTo(PagingExample.ROWS);
    assertThat(outcome.pageSizes()).containsExactly(100, 100, 50);
    assertThat(outcome.firstOfResumed()).isEqualTo(PagingExample.PAGE_SIZE); // seq 100 starts page two
    assertThat(outcome.resumedRows()).isEqualTo(PagingExample.ROWS - PagingExample.PAGE_SIZE);
    assertKeyspaceDropped("examples_paging");
  }

  @Test
  void should_map_rows_and_user_types_to_records_in_the_records_example() {
    RecordsAndUdtsExample.Outcome outcome = RecordsAndUdtsExample.run(contactPoint);

    assertThat(outcome.customers()).containsExactly(
        new Customer(1, "Ada Lovelace", new Address("12 St James's Square", "London", 10001),
            List.of(new Address("Ockham Park", "Ockham", 10002))),
        // An empty list is stored as no list at all: a null collection cell fills a component with null.
        new Customer(2, "Grace Hopper", new Address("1 Navy Way", "Arlington", 22202), null),
        new Customer(3, "Margaret Hamilton", new Address("Brattle Street", "Cambridge", 2138), null));
    assertThat(outcome.names()).containsExactly("Ada Lovelace", "Grace Hopper", "Margaret Hamilton");
    assertThat(outcome.cityFromUdtValue()).isEqualTo("Cambridge");
    assertThat(outcome.homeCities()).isEqualTo(Map.of(1, "London", 2, "Arlington", 3, "Cambridge"));
    assertKeyspaceDropped("examples_records");
  }

  @Test
  void should_find_the_nearest_vectors_in_the_vector_search_example() {
    VectorSearchExample.Outcome outcome = VectorSearchExample.run(contactPoint);

    assertThat(outcome.nearest()).containsExactly("cats", "kittens");
    assertThat(outcome.nearestEmbedding()).containsExactly(0.9f, 0.1f, 0.0f);
    // cats is at cosine 0.9963 from the query; Cassandra's similarity_cosine scores cosine c as (1 + c) / 2.
    assertThat(outcome.similarity()).isCloseTo((1 + 0.9963f) / 2, within(0.001f));
    assertKeyspaceDropped("examples_vectors");
  }

  @Test
  void should_gather_every_partition_in_order_in_the_fan_out_example() throws InterruptedException {
    FanOutExample.Outcome outcome = FanOutExample.run(contactPoint);

    assertThat(outcome.ordersPerUser()).hasSize(FanOutExample.USERS);
    assertThat(List.copyOf(outcome.ordersPerUser().keySet())).isSorted();
    outcome.ordersPerUser().forEach((user, orders) -> assertThat(orders).as("user %d", user).isEqualTo(user % 5 + 1));
    assertThat(outcome.totalOrders()).isEqualTo(150);
    assertThat(outcome.viaExecuteConcurrent()).isEqualTo(150);
    assertKeyspaceDropped("examples_fanout");
  }

  /** Each example drops its keyspace: asked of the node itself, not of another cluster's metadata. */
  private static void assertKeyspaceDropped(String keyspace) {
    assertThat(session.execute("SELECT keyspace_name FROM system_schema.keyspaces WHERE keyspace_name = ?", keyspace)
        .one()).as("keyspace %s", keyspace).isNull();
  }
}
