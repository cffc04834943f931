package io.loomcql.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loomcql.Cluster;
import io.loomcql.ConsistencyLevel;
import io.loomcql.ExecutionInfo;
import io.loomcql.ResultSet;
import io.loomcql.Session;
import io.loomcql.SimpleStatement;
import io.loomcql.Statement;
import io.loomcql.error.ConnectionException;
import io.loomcql.error.NoHostAvailableException;
import io.loomcql.error.OverloadedException;
import io.loomcql.error.ReadFailureException;
import io.loomcql.error.ReadTimeoutException;
import io.loomcql.error.SyntaxError;
import io.loomcql.error.UnavailableException;
import io.loomcql.error.WriteTimeoutException;
import io.loomcql.internal.protocol.ErrorCodes;
import io.loomcql.internal.protocol.ErrorDetails;
import io.loomcql.internal.protocol.ErrorResponse;
import io.loomcql.policy.DefaultRetryPolicy;
import io.loomcql.policy.FallthroughRetryPolicy;
import io.loomcql.policy.RetryDecision;
import io.loomcql.policy.RetryPolicy;
import io.loomcql.testkit.FakeNode;
import io.loomcql.testkit.ThreeFakeNodes;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each decision of the default retry policy, as a user sees it: which nodes got the statement,
 * what came back, and what {@code executionInfo().attempts()} says. Three fake nodes, plans in a
 * fixed order a, b, c.
 */
class RetryDecisionsTest extends ThreeFakeNodes {
  private static final ErrorResponse READ_TIMEOUT_NO_DATA = new ErrorResponse(ErrorCodes.READ_TIMEOUT,
      "Operation timed out - received only 1 responses.", new ErrorDetails.ReadTimeout(ConsistencyLevel.ONE, 1, 1, false));
  private static final ErrorResponse READ_TIMEOUT_WITH_DATA = new ErrorResponse(ErrorCodes.READ_TIMEOUT,
      "Operation timed out", new ErrorDetails.ReadTimeout(ConsistencyLevel.QUORUM, 1, 2, true));
  private static final ErrorResponse UNAVAILABLE = new ErrorResponse(ErrorCodes.UNAVAILABLE,
      "Cannot achieve consistency level QUORUM", new ErrorDetails.Unavailable(ConsistencyLevel.QUORUM, 2, 1));
  private static final ErrorResponse OVERLOADED =
      new ErrorResponse(ErrorCodes.OVERLOADED, "Too many in flight", ErrorDetails.None.INSTANCE);
  private static final ErrorResponse BOOTSTRAPPING =
      new ErrorResponse(ErrorCodes.IS_BOOTSTRAPPING, "Cannot read from a bootstrapping node", ErrorDetails.None.INSTANCE);
  private static final ErrorResponse SYNTAX =
      new ErrorResponse(ErrorCodes.SYNTAX_ERROR, "line 1:0 no viable alternative", ErrorDetails.None.INSTANCE);
  private static final ErrorResponse READ_FAILURE = new ErrorResponse(ErrorCodes.READ_FAILURE, "Replica failed",
      new ErrorDetails.ReadFailure(ConsistencyLevel.ONE, 0, 1, 1, Map.of(), false));

  private Cluster cluster(RetryPolicy retry) throws Exception {
    return Cluster.builder()
        .addContactPoints(a.address())
        .withLoadBalancingPolicy(new FixedOrderPolicy(List.of(a.address(), b.address(), c.address())))
        .withRetryPolicy(retry)
        .build();
  }

  /** Node {@code node} answers its first {@code times} queries with {@code error}, then echoes. */
  private static void failFirst(FakeNode node, int times, ErrorResponse error) {
    java.util.concurrent.atomic.AtomicInteger left = new java.util.concurrent.atomic.AtomicInteger(times);
    node.behavior((query, request, peer) -> {
      if (left.getAndDecrement() > 0) {
        peer.reply(request, error);
      } else {
        FakeNode.echo(query, request, peer);
      }
    });
  }

  private static void alwaysFail(FakeNode node, ErrorResponse error) {
    node.behavior((query, request, peer) -> peer.reply(request, error));
  }

  private static Statement<?> idempotent(String cql) {
    return SimpleStatement.newInstance(cql).setIdempotent(true);
  }

  private static List<InetSocketAddress> attemptHosts(ExecutionInfo info) {
    return info.attempts().stream().map(attempt -> attempt.host().address()).toList();
  }

  private static List<RetryDecision> decisions(ExecutionInfo info) {
    return info.attempts().stream().map(ExecutionInfo.Attempt::decision).toList();
  }

  @Test
  void should_retry_a_read_timeout_once_on_the_same_node_when_replicas_answered_without_data() throws Exception {
    failFirst(a, 1, READ_TIMEOUT_NO_DATA);
    try (Cluster cluster = cluster(DefaultRetryPolicy.INSTANCE); Session session = cluster.connect()) {
      ResultSet rs = session.execute("SELECT 1"); // not idempotent: a read timeout is retried anyway
      assertThat(rs.one().getString(0)).isEqualTo("SELECT 1");
      ExecutionInfo info = rs.executionInfo();
      assertThat(attemptHosts(info)).containsExactly(a.address(), a.address());
      assertThat(decisions(info)).containsExactly(RetryDecision.RETRY_SAME, null);
      assertThat(info.attempts().get(0).error()).isInstanceOf(ReadTimeoutException.class);
      assertThat(info.retries()).isEqualTo(1);
      assertThat(List.of(a.queries(), b.queries(), c.queries())).containsExactly(2, 0, 0);
    }
  }

  @Test
  void should_tell_the_load_balancing_policy_how_every_attempt_ended() throws Exception {
    failFirst(a, 1, UNAVAILABLE);
    FixedOrderPolicy policy = new FixedOrderPolicy(List.of(a.address(), b.address(), c.address()));
    try (Cluster cluster = Cluster.builder().addContactPoints(a.address()).withLoadBalancingPolicy(policy).build();
        Session session = cluster.connect()) {
      session.execute("SELECT reported");
      assertThat(policy.completions)
          .containsExactly(a.address() + " UnavailableException", b.address() + " ok");
    }
  }

  @Test
  void should_rethrow_a_second_read_timeout_and_one_where_data_was_present() throws Exception {
    alwaysFail(a, READ_TIMEOUT_NO_DATA);
    alwaysFail(b, READ_TIMEOUT_WITH_DATA);
    try (Cluster cluster = cluster(DefaultRetryPolicy.INSTANCE); Session session = cluster.connect()) {
      assertThatThrownBy(() -> session.execute(idempotent("SELECT twice")))
          .isInstanceOfSatisfying(ReadTimeoutException.class, e -> assertThat(e.coordinator()).isEqualTo(address(a)));
      assertThat(a.queries()).isEqualTo(2);
      alwaysFail(a, READ_TIMEOUT_WITH_DATA);
      assertThatThrownBy(() -> session.execute(idempotent("SELECT with data")))
          .isInstanceOfSatisfying(ReadTimeoutException.class, e -> assertThat(e.dataPresent()).isTrue());
      assertThat(a.queries()).isEqualTo(3);
      assertThat(b.queries() + c.queries()).isZero();
    }
  }

  @Test
  void should_retry_a_write_timeout_once_only_for_an_idempotent_batch_log_write() throws Exception {
    ErrorResponse batchLog = writeTimeout("BATCH_LOG");
    failFirst(a, 1, batchLog);
    try (Cluster cluster = cluster(DefaultRetryPolicy.INSTANCE); Session session = cluster.connect()) {
      ResultSet rs = session.execute(idempotent("INSERT batch"));
      assertThat(decisions(rs.executionInfo())).containsExactly(RetryDecision.RETRY_SAME, null);
      assertThat(a.queries()).isEqualTo(2);

      failFirst(a, 1, batchLog);
      assertThatThrownBy(() -> session.execute("INSERT not idempotent")).isInstanceOf(WriteTimeoutException.class);
      assertThat(a.queries()).as("a non-idempotent write is never sent again").isEqualTo(3);

      failFirst(a, 1, writeTimeout("SIMPLE"));
      assertThatThrownBy(() -> session.execute(idempotent("INSERT simple")))
          .isInstanceOfSatisfying(WriteTimeoutException.class,
              e -> assertThat(e.writeType()).isEqualTo(io.loomcql.error.WriteType.SIMPLE));
      assertThat(a.queries()).isEqualTo(4);
      assertThat(b.queries() + c.queries()).isZero();
    }
  }

  private static ErrorResponse writeTimeout(String writeType) {
    return new ErrorResponse(ErrorCodes.WRITE_TIMEOUT, "Operation timed out",
        new ErrorDetails.WriteTimeout(ConsistencyLevel.QUORUM, 1, 2, writeType, -1));
  }

  @Test
  void should_retry_unavailable_once_on_the_next_node() throws Exception {
    alwaysFail(a, UNAVAILABLE);
    alwaysFail(b, UNAVAILABLE);
    try (Cluster cluster = cluster(DefaultRetryPolicy.INSTANCE); Session session = cluster.connect()) {
      assertThatThrownBy(() -> session.execute("SELECT quorum"))
          .isInstanceOfSatisfying(UnavailableException.class, e -> {
            assertThat(e.coordinator()).isEqualTo(address(b));
            assertThat(e.required()).isEqualTo(2);
            assertThat(e.alive()).isEqualTo(1);
          });
      assertThat(List.of(a.queries(), b.queries(), c.queries())).containsExactly(1, 1, 0);

      failFirst(a, 1, UNAVAILABLE);
      b.behavior(FakeNode::echo);
      ResultSet rs = session.execute("SELECT again");
      assertThat(rs.executionInfo().coordinator().address()).isEqualTo(b.address());
      assertThat(decisions(rs.executionInfo())).containsExactly(RetryDecision.RETRY_NEXT, null);
      assertThat(rs.executionInfo().triedHosts()).extracting(h -> h.address()).containsExactly(a.address(), b.address());
    }
  }

  @Test
  void should_move_an_overloaded_idempotent_statement_to_the_next_node_and_rethrow_otherwise() throws Exception {
    alwaysFail(a, OVERLOADED);
    try (Cluster cluster = cluster(DefaultRetryPolicy.INSTANCE); Session session = cluster.connect()) {
      ResultSet rs = session.execute(idempotent("SELECT overloaded"));
      assertThat(rs.executionInfo().coordinator().address()).isEqualTo(b.address());
      assertThat(rs.executionInfo().attempts().get(0).error()).isInstanceOf(OverloadedException.class);

      assertThatThrownBy(() -> session.execute("UPDATE overloaded")).isInstanceOf(OverloadedException.class);
      assertThat(b.queries()).as("only the idempotent statement reached b").isEqualTo(1);
    }
  }

  @Test
  void should_rethrow_a_read_failure_even_for_an_idempotent_statement() throws Exception {
    alwaysFail(a, READ_FAILURE);
    try (Cluster cluster = cluster(DefaultRetryPolicy.INSTANCE); Session session = cluster.connect()) {
      assertThatThrownBy(() -> session.execute(idempotent("SELECT failing"))).isInstanceOf(ReadFailureException.class);
      assertThat(b.queries() + c.queries()).isZero();
    }
  }

  @Test
  void should_go_to_the_next_node_when_one_is_bootstrapping_without_asking_the_policy() throws Exception {
    alwaysFail(a, BOOTSTRAPPING);
    try (Cluster cluster = cluster(FallthroughRetryPolicy.INSTANCE); Session session = cluster.connect()) {
      ResultSet rs = session.execute("INSERT while bootstrapping"); // not idempotent, and a policy that never retries
      assertThat(rs.executionInfo().coordinator().address()).isEqualTo(b.address());
      assertThat(rs.executionInfo().retries()).isEqualTo(1);
    }
  }

  @Test
  void should_never_send_a_statement_error_to_another_node() throws Exception {
    alwaysFail(a, SYNTAX);
    try (Cluster cluster = cluster(DefaultRetryPolicy.INSTANCE); Session session = cluster.connect()) {
      assertThatThrownBy(() -> session.execute(idempotent("SELEC 1"))).isInstanceOf(SyntaxError.class);
      assertThat(b.queries() + c.queries()).isZero();
    }
  }

  @Test
  void should_rethrow_everything_with_the_fallthrough_policy() throws Exception {
    alwaysFail(a, UNAVAILABLE);
    try (Cluster cluster = cluster(FallthroughRetryPolicy.INSTANCE); Session session = cluster.connect()) {
      assertThatThrownBy(() -> session.execute(idempotent("SELECT once"))).isInstanceOf(UnavailableException.class);
      failFirst(a, 1, READ_TIMEOUT_NO_DATA);
      assertThatThrownBy(() -> session.execute(idempotent("SELECT once more"))).isInstanceOf(ReadTimeoutException.class);
      assertThat(List.of(a.queries(), b.queries(), c.queries())).containsExactly(2, 0, 0);
    }
  }

  @Test
  void should_return_an_empty_result_when_the_policy_ignores_the_error() throws Exception {
    alwaysFail(a, UNAVAILABLE);
    RetryPolicy ignoring = new DefaultRetryPolicy() {
      @Override
      public RetryDecision onUnavailable(Statement<?> statement, UnavailableException error, int retryCount) {
        return RetryDecision.IGNORE;
      }
    };
    try (Cluster cluster = cluster(ignoring); Session session = cluster.connect()) {
      ResultSet rs = session.execute("SELECT ignored");
      assertThat(rs.all()).isEmpty();
      assertThat(decisions(rs.executionInfo())).containsExactly(RetryDecision.IGNORE, null);
      assertThat(b.queries()).isZero();
    }
  }

  @Test
  void should_send_an_idempotent_statement_elsewhere_when_its_connection_breaks_and_not_the_others() throws Exception {
    a.behavior((query, request, peer) -> peer.close());
    try (Cluster cluster = cluster(DefaultRetryPolicy.INSTANCE); Session session = cluster.connect()) {
      ResultSet rs = session.execute(idempotent("SELECT survives"));
      assertThat(rs.executionInfo().coordinator().address()).isEqualTo(b.address());
      assertThat(rs.executionInfo().attempts().get(0).error()).isInstanceOf(ConnectionException.class);
      assertThat(decisions(rs.executionInfo()).get(0)).isEqualTo(RetryDecision.RETRY_NEXT);
    }
    try (Cluster cluster = cluster(DefaultRetryPolicy.INSTANCE); Session session = cluster.connect()) {
      assertThatThrownBy(() -> session.execute("INSERT maybe applied"))
          .isInstanceOfSatisfying(ConnectionException.class, e -> {
            assertThat(e.address()).isEqualTo(address(a));
            assertThat(e.getMessage()).contains("not idempotent").containsOnlyOnce("[" + address(a) + "]");
          });
    }
  }

  @Test
  void should_list_every_node_with_its_error_and_say_what_to_check_when_all_fail() throws Exception {
    for (FakeNode node : List.of(a, b, c)) {
      alwaysFail(node, OVERLOADED);
    }
    try (Cluster cluster = Cluster.builder().addContactPoints(a.address()).build(); Session session = cluster.connect()) {
      assertThatThrownBy(() -> session.execute(idempotent("SELECT nobody")))
          .isInstanceOfSatisfying(NoHostAvailableException.class, e -> {
            assertThat(e.errors()).hasSize(3);
            assertThat(e.errors().values()).allSatisfy(error -> assertThat(error).isInstanceOf(OverloadedException.class));
            assertThat(e.getMessage())
                .contains(address(a).toString(), address(b).toString(), address(c).toString())
                .contains("Too many in flight")
                .contains("local datacenter 'dc1'")
                .contains("Check that the nodes are up");
          });
    }
  }

  private static InetSocketAddress address(FakeNode node) {
    try {
      return node.address();
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void should_try_the_next_node_at_once_while_a_nodes_pool_is_still_reconnecting() throws Exception {
    a.behavior((query, request, peer) -> {
      a.silent(true); // from now on a accepts connections but never answers their STARTUP
      peer.close();
    });
    try (Cluster cluster = Cluster.builder()
            .addContactPoints(a.address())
            .withLoadBalancingPolicy(new FixedOrderPolicy(List.of(a.address(), b.address(), c.address())))
            .withRequestTimeout(Duration.ofSeconds(3))
            .build();
        Session session = cluster.connect()) {
      assertThatThrownBy(() -> session.execute("INSERT breaks a")).isInstanceOf(ConnectionException.class);
      Thread.sleep(50); // the pool's reconnection attempt is now stuck in a's handshake, for up to 3 s
      long start = System.nanoTime();
      ResultSet rs = session.execute(idempotent("SELECT elsewhere").setTimeout(Duration.ofMillis(500)));
      assertThat(rs.executionInfo().coordinator().address()).isEqualTo(b.address());
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .as("not held up by the connection attempt to a").isLessThan(Duration.ofMillis(300));
    }
  }

  @Test
  void should_wait_no_longer_than_the_request_timeout_for_all_attempts() throws Exception {
    a.silent(false);
    a.behavior((query, request, peer) -> {}); // never answers
    try (Cluster cluster = cluster(DefaultRetryPolicy.INSTANCE); Session session = cluster.connect()) {
      long start = System.nanoTime();
      assertThatThrownBy(() -> session.execute(idempotent("SELECT slow").setTimeout(Duration.ofMillis(300))))
          .isInstanceOf(io.loomcql.error.OperationTimedOutException.class);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
      assertThat(b.queries()).as("a client timeout ends the request: no time is left for b").isZero();
    }
  }
}
