package io.loomcql.internal.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loomcql.ConsistencyLevel;
import io.loomcql.ProtocolVersion;
import io.loomcql.SslOptions;
import io.loomcql.error.ConnectionException;
import io.loomcql.internal.codec.NativeValues;
import io.loomcql.internal.protocol.FrameCodec;
import io.loomcql.internal.protocol.Query;
import io.loomcql.internal.protocol.QueryOptions;
import io.loomcql.internal.protocol.RowsResult;
import io.loomcql.testkit.TlsCertificates;
import io.loomcql.testkit.TlsFakeNode;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLServerSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A driver connection (STARTUP, queries, close) over TLS, and mutual TLS. */
@Timeout(60)
class TlsConnectionTest {
  static final TlsCertificates CERTS = TlsCertificates.get();

  private TlsFakeNode node;

  @AfterEach
  void stopNode() throws Exception {
    if (node != null) {
      node.close();
    }
  }

  @Test
  void should_answer_concurrent_queries_when_the_connection_runs_over_tls() throws Exception {
    startNode(socket -> {});
    try (Connection connection = connect(CERTS.clientContext());
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<String>> answers = new ArrayList<>();
      for (int i = 0; i < 500; i++) {
        String text = "request-" + i;
        answers.add(threads.submit(() -> query(connection, text)));
      }
      for (int i = 0; i < 500; i++) {
        assertThat(answers.get(i).get()).isEqualTo("request-" + i);
      }
      assertThat(connection.inFlight()).isZero();
    }
  }

  @Test
  void should_carry_frames_of_several_megabytes_when_over_tls() throws Exception {
    startNode(socket -> {});
    String large = "x".repeat(3 << 20);
    try (Connection connection = connect(CERTS.clientContext())) {
      assertThat(query(connection, large)).isEqualTo(large);
      assertThat(query(connection, "small")).isEqualTo("small");
    }
  }

  @Test
  void should_close_the_socket_when_the_connection_closes() throws Exception {
    startNode(socket -> {});
    Connection connection = connect(CERTS.clientContext());
    assertThat(query(connection, "ping")).isEqualTo("ping");
    connection.close();
    assertThat(connection.isOpen()).isFalse();
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (node.server().openConnections() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(node.server().openConnections()).isZero();
  }

  @Test
  void should_present_the_client_certificate_when_the_node_requires_one() throws Exception {
    startNode(socket -> socket.setNeedClientAuth(true));
    try (Connection connection = connect(CERTS.mutualClientContext())) {
      assertThat(query(connection, "mutual")).isEqualTo("mutual");
    }
    assertThat(node.server().nextHandshake().clientCertificate()).isTrue();
  }

  @Test
  void should_fail_the_connection_when_the_node_requires_a_client_certificate_and_none_is_configured()
      throws Exception {
    // TLS 1.3: the client's side of the handshake ends before the node checks its certificate, so
    // the refusal (an alert) arrives with the answer to STARTUP.
    startNode(socket -> socket.setNeedClientAuth(true));
    assertThatThrownBy(() -> connect(CERTS.clientContext()))
        .isInstanceOf(ConnectionException.class)
        .hasRootCauseInstanceOf(SSLException.class)
        .hasMessageContaining("certificate_required");
    assertThat(node.server().nextHandshake().failure()).isNotNull();
  }

  @Test
  void should_fail_the_tls_handshake_when_a_tls12_node_requires_a_client_certificate_and_none_is_configured()
      throws Exception {
    startNode(
        socket -> {
          socket.setNeedClientAuth(true);
          socket.setEnabledProtocols(new String[] {"TLSv1.2"});
        });
    assertThatThrownBy(() -> connect(CERTS.clientContext()))
        .isInstanceOf(ConnectionException.class)
        .hasMessageContaining("TLS handshake failed")
        .hasMessageContaining("Received fatal alert") // read after "broken pipe" if need be
        .hasCauseInstanceOf(SSLException.class);
  }

  private void startNode(Consumer<SSLServerSocket> configure) throws Exception {
    node = new TlsFakeNode(CERTS.serverContext(CERTS.serverKeystore()), configure);
  }

  private Connection connect(SSLContext context) {
    return Handshake.connect(node.address(), config(SslOptions.of(context)), null, Duration.ofSeconds(5));
  }

  static ConnectionConfig config(SslOptions ssl) {
    return new ConnectionConfig(
        ProtocolVersion.V4, 128, Duration.ofSeconds(5), true, false, 0, 0, null, "3.0.0",
        FrameCodec.DEFAULT_MAX_BODY_LENGTH).withSsl(ssl);
  }

  static String query(Connection connection, String text) {
    RowsResult rows =
        (RowsResult)
            connection
                .request(
                    new Query(text, QueryOptions.of(ConsistencyLevel.ONE, List.of())),
                    System.nanoTime() + Duration.ofSeconds(10).toNanos())
                .message();
    ByteBuffer content = rows.content().duplicate();
    int length = content.getInt();
    return NativeValues.readText(content.slice(content.position(), length));
  }
}
