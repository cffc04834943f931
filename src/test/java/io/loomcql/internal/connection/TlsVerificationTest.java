package io.loomcql.internal.connection;

import static io.loomcql.internal.connection.TlsConnectionTest.config;
import static io.loomcql.internal.connection.TlsConnectionTest.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loomcql.SslOptions;
import io.loomcql.error.ConnectionException;
import io.loomcql.testkit.TlsCertificates;
import io.loomcql.testkit.TlsFakeNode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Which node certificates the driver accepts: trust, hostname verification, SNI. */
@Timeout(60)
class TlsVerificationTest {
  static final TlsCertificates CERTS = TlsCertificates.get();

  private TlsFakeNode node;

  @AfterEach
  void stopNode() throws Exception {
    if (node != null) {
      node.close();
    }
  }

  @Test
  void should_verify_the_ip_and_send_no_sni_when_the_contact_point_is_an_ip() throws Exception {
    startNode(CERTS.serverKeystore());
    try (Connection connection = connect(node.address(), verified())) {
      assertThat(query(connection, "by ip")).isEqualTo("by ip");
    }
    assertThat(node.server().nextHandshake().serverNames()).isEmpty();
  }

  @Test
  void should_send_sni_and_verify_the_name_when_the_contact_point_is_a_host_name() throws Exception {
    startNode(CERTS.serverKeystore());
    try (Connection connection = connect(named("localhost"), verified())) {
      assertThat(query(connection, "by name")).isEqualTo("by name");
    }
    assertThat(node.server().nextHandshake().serverNames()).containsExactly("localhost");
  }

  @Test
  void should_fail_with_a_tls_error_when_the_certificate_names_another_host() throws Exception {
    startNode(CERTS.otherHostKeystore());
    assertThatThrownBy(() -> connect(node.address(), verified()))
        .isInstanceOf(ConnectionException.class)
        .hasMessageContaining("TLS handshake failed")
        .hasMessageContaining("No subject alternative names matching IP address 127.0.0.1")
        .hasCauseInstanceOf(SSLHandshakeException.class);
  }

  @Test
  void should_accept_a_certificate_naming_another_host_when_hostname_verification_is_off() throws Exception {
    startNode(CERTS.otherHostKeystore());
    SslOptions unverified =
        SslOptions.builder().withSslContext(CERTS.clientContext()).withHostnameVerification(false).build();
    try (Connection connection = connect(node.address(), unverified)) {
      assertThat(query(connection, "unverified")).isEqualTo("unverified");
    }
  }

  @Test
  void should_accept_a_certificate_when_dialled_by_the_name_it_holds() throws Exception {
    startNode(CERTS.otherHostKeystore());
    try (Connection connection = connect(named("other.example"), verified())) {
      assertThat(query(connection, "other")).isEqualTo("other");
    }
    assertThat(node.server().nextHandshake().serverNames()).containsExactly("other.example");
  }

  @Test
  void should_fail_with_a_tls_error_when_the_certificate_is_not_trusted() throws Exception {
    startNode(CERTS.untrustedKeystore());
    assertThatThrownBy(() -> connect(node.address(), verified()))
        .isInstanceOf(ConnectionException.class)
        .hasMessageContaining("TLS handshake failed")
        .hasMessageContaining("unable to find valid certification path")
        .hasCauseInstanceOf(SSLHandshakeException.class);
  }

  @Test
  void should_fail_with_a_tls_error_when_the_server_does_not_speak_tls() throws Exception {
    try (ServerSocketChannel plain = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0))) {
      Thread.ofVirtual()
          .start(
              () -> {
                try (SocketChannel client = plain.accept()) {
                  client.write(ByteBuffer.wrap("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
                } catch (Exception ignored) {
                  // the test's assertions tell
                }
              });
      assertThatThrownBy(() -> connect((InetSocketAddress) plain.getLocalAddress(), verified()))
          .isInstanceOf(ConnectionException.class)
          .hasMessageContaining("TLS handshake failed")
          .hasMessageContaining("SSL message"); // "Unsupported or unrecognized SSL message" before JDK 25
    }
  }

  private void startNode(Path keystore) throws Exception {
    node = new TlsFakeNode(CERTS.serverContext(keystore), socket -> {});
  }

  private static SslOptions verified() {
    return SslOptions.of(CERTS.clientContext());
  }

  /** 127.0.0.1 under a host name, without asking DNS. */
  private InetSocketAddress named(String host) throws Exception {
    return new InetSocketAddress(InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1}), node.address().getPort());
  }

  private static Connection connect(InetSocketAddress address, SslOptions options) {
    return Handshake.connect(address, config(options), null, Duration.ofSeconds(5));
  }
}
