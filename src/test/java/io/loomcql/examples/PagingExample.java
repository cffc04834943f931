package io.loomcql.examples;

import io.loomcql.Cluster;
import io.loomcql.PreparedStatement;
import io.loomcql.ResultSet;
import io.loomcql.Row;
import io.loomcql.Session;
import io.loomcql.SimpleStatement;
import io.loomcql.Statement;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Paging: iterate across pages without thinking about them, walk page by page by hand, and
 * resume later from a saved paging state, as a web API handing out "next page" tokens would.
 */
public final class PagingExample {
  static final String KEYSPACE = "examples_paging";
  public static final int ROWS = 250;
  public static final int PAGE_SIZE = 100;

  /**
   * What the example observed.
   *
   * @param iterated rows seen by plain iteration (every page)
   * @param pageSizes the size of each page when walking by hand
   * @param firstOfResumed the first clustering value of the page fetched from the saved state
   * @param resumedRows rows read from the saved state to the end
   */
  public record Outcome(int iterated, List<Integer> pageSizes, int firstOfResumed, int resumedRows) {}

  private PagingExample() {}

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
        session.execute("CREATE TABLE IF NOT EXISTS readings (sensor text, seq int, value double,"
            + " PRIMARY KEY (sensor, seq))");
        PreparedStatement insert = session.prepare("INSERT INTO readings (sensor, seq, value) VALUES (?, ?, ?)");
        List<Statement<?>> inserts = new ArrayList<>();
        for (int seq = 0; seq < ROWS; seq++) {
          inserts.add(insert.bind("s1", seq, seq * 0.5));
        }
        session.executeConcurrent(inserts, 64); // at most 64 in flight; results in input order

        // The page size is a statement option (default 5000, Cluster.Builder.withPageSize).
        Statement<?> select = SimpleStatement.newInstance("SELECT seq, value FROM readings WHERE sensor = ?", "s1")
            .setPageSize(PAGE_SIZE);

        // 1. Iteration fetches the next page when the current one runs out, on this thread.
        int iterated = 0;
        for (Row row : session.execute(select)) {
          iterated++;
        }

        // 2. By hand: currentRows() is this page only; fetchNextPage() returns the next page.
        List<Integer> pageSizes = new ArrayList<>();
        ResultSet page = session.execute(select);
        while (true) {
          pageSizes.add(page.currentPageSize());
          if (!page.hasMorePages()) {
            break;
          }
          page = page.fetchNextPage(); // throws QueryExhaustedException after the last page
        }

        // 3. Saved and resumed: the paging state of the first page says where the second starts.
        // It is opaque bytes: hand it out as a token (here Base64) and bring it back later, even
        // to another session or process. Resume with the same query and values.
        ResultSet firstPage = session.execute(select);
        String token = Base64.getUrlEncoder().encodeToString(toBytes(firstPage.pagingState()));

        // ... later, when the client asks for the next page with its token:
        ByteBuffer state = ByteBuffer.wrap(Base64.getUrlDecoder().decode(token));
        ResultSet resumed = session.execute(select.setPagingState(state));
        int firstOfResumed = resumed.currentRows().get(0).getInt("seq");
        int resumedRows = 0;
        for (Row row : resumed) { // iteration goes on to the end from there
          resumedRows++;
        }
        return new Outcome(iterated, pageSizes, firstOfResumed, resumedRows);
      } finally {
        session.execute("DROP KEYSPACE IF EXISTS " + KEYSPACE);
      }
    }
  }

  private static byte[] toBytes(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.duplicate().get(bytes);
    return bytes;
  }
}
