package io.loomcql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loomcql.error.QueryExhaustedException;
import io.loomcql.internal.protocol.VoidResult;
import io.loomcql.testkit.FakeNode;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A write answered with a Void result gets the node's shared result set (no page, no cursor, no
 * allocation); it must read exactly like any result without rows, and an answer that carries
 * warnings must keep them.
 */
class VoidResultTest {
  record Missing(int k) {}

  @Test
  void should_read_a_void_answer_as_an_empty_last_page() throws Exception {
    try (FakeNode node = new FakeNode()) {
      node.behavior((query, request, peer) -> peer.reply(request, VoidResult.INSTANCE));
      try (Cluster cluster = Cluster.builder().addContactPoints(node.address()).build();
          Session session = cluster.connect()) {
        ResultSet rs = session.execute("INSERT a write");

        assertThat(rs.columnDefinitions().size()).isZero();
        assertThat(rs.currentRows()).isEmpty();
        assertThat(rs.currentPageSize()).isZero();
        assertThat(rs.hasMorePages()).isFalse();
        assertThat(rs.pagingState()).isNull();
        assertThat(rs.one()).isNull();
        assertThat(rs.iterator().hasNext()).isFalse();
        assertThat(rs.all()).isEmpty();
        assertThat(rs.map(row -> row).count()).isZero();
        assertThat(rs.wasApplied()).isTrue();
        assertThatThrownBy(rs::fetchNextPage)
            .isInstanceOf(QueryExhaustedException.class)
            .hasMessageContaining("Void result");
        assertThat(rs.fetchNextPageAsync()).failsWithin(5, TimeUnit.SECONDS);
        assertThatThrownBy(() -> rs.as(Missing.class)).isInstanceOf(IllegalArgumentException.class);

        ExecutionInfo info = rs.executionInfo();
        assertThat(info.coordinator().address()).isEqualTo(node.address());
        assertThat(info.attempts()).hasSize(1);
        assertThat(info.warnings()).isEmpty();
        assertThat(info.tracingId()).isNull();
        assertThat(info.speculativeExecutions()).isZero();
        assertThat(info.isSchemaInAgreement()).isTrue();
        assertThat(rs.executionInfo()).isSameAs(info);

        ResultSet again = session.execute("INSERT another write");
        assertThat(again).isSameAs(rs); // one immutable result per node
      }
    }
  }

  @Test
  void should_keep_the_warnings_of_a_void_answer() throws Exception {
    try (FakeNode node = new FakeNode()) {
      node.behavior((query, request, peer) ->
          peer.replyWithWarnings(request, VoidResult.INSTANCE, List.of("Batch is too large")));
      try (Cluster cluster = Cluster.builder().addContactPoints(node.address()).build();
          Session session = cluster.connect()) {
        ResultSet rs = session.execute("INSERT a large batch");

        assertThat(rs.executionInfo().warnings()).containsExactly("Batch is too large");
        assertThat(rs.one()).isNull();
      }
    }
  }
}
