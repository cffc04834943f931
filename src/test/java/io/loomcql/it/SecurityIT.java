package io.loomcql.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loomcql.Cluster;
import io.loomcql.ProtocolVersion;
import io.loomcql.Session;
import io.loomcql.SslOptions;
import io.loomcql.auth.PlainTextAuthProvider;
import io.loomcql.error.AuthenticationException;
import io.loomcql.error.ConnectionException;
import io.loomcql.error.NoHostAvailableException;
import io.loomcql.testkit.CassandraOptions;
import io.loomcql.testkit.LocalCluster;
import io.loomcql.testkit.TlsCertificates;
import io.loomcql.testkit.logging.LogCapture;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Authentication and TLS against real Cassandra 5.0 nodes started for this class: one with
 * PasswordAuthenticator and client encryption (127.0.0.4), then nodes on 127.0.0.5 with a
 * certificate for another host name and with client certificates required.
 */
class SecurityIT {
  private static final InetSocketAddress SECURE = new InetSocketAddress("127.0.0.4", 9042);
  private static final InetSocketAddress OTHER = new InetSocketAddress("127.0.0.5", 9042);
  private static final String ROLE = "app_user";
  private static final String SECRET = "Zq7-unlikely-pa55word-Xv3";

  private static TlsCertificates certs;
  private static LocalCluster secureNode;

  @BeforeAll
  static void startSecureNode() {
    certs = TlsCertificates.get();
    secureNode =
        LocalCluster.startSingle(
            SECURE, CassandraOptions.defaults().withAuth().withMaxHeap("512M").withYaml(tls(certs.serverKeystore(), false)),
            "secure");
    try (Cluster admin = secureCluster(new PlainTextAuthProvider(CassandraOptions.USER, CassandraOptions.PASSWORD));
        Session session = admin.connect()) {
      session.execute("CREATE ROLE IF NOT EXISTS " + ROLE + " WITH PASSWORD = '" + SECRET + "' AND LOGIN = true");
      session.execute("GRANT ALL PERMISSIONS ON ALL KEYSPACES TO " + ROLE);
    }
  }

  @AfterAll
  static void stopSecureNode() {
    if (secureNode != null) {
      secureNode.close();
    }
  }

  private static String tls(Path keystore, boolean requireClientAuth) {
    String yaml =
        "client_encryption_options:\n"
            + "  enabled: true\n"
            + "  optional: false\n"
            + "  keystore: " + keystore + "\n"
            + "  keystore_password: " + TlsCertificates.PASSWORD + "\n";
    if (requireClientAuth) {
      yaml += "  require_client_auth: true\n"
          + "  truststore: " + certs.truststore() + "\n"
          + "  truststore_password: " + TlsCertificates.PASSWORD + "\n";
    }
    return yaml;
  }

  private static Cluster secureCluster(PlainTextAuthProvider auth) {
    Cluster.Builder builder = Cluster.builder().addContactPoints(SECURE).withSsl(certs.clientContext());
    if (auth != null) {
      builder.withAuthProvider(auth);
    }
    return builder.build();
  }

  @Test
  void should_accept_good_credentials_over_tls() {
    try (Cluster cluster = secureCluster(new PlainTextAuthProvider(ROLE, SECRET));
        Session session = cluster.connect()) {
      assertThat(session.execute("SELECT release_version FROM system.local").one().getString(0)).startsWith("5.0");
      assertThat(cluster.protocolVersion()).isEqualTo(ProtocolVersion.V5);
    }
  }

  @Test
  void should_carry_a_multi_megabyte_result_over_tls_with_lz4() {
    try (Cluster cluster =
            Cluster.builder()
                .addContactPoints(SECURE)
                .withSsl(certs.clientContext())
                .withAuthProvider(new PlainTextAuthProvider(ROLE, SECRET))
                .withCompression(io.loomcql.Compression.LZ4)
                .build();
        Session session = cluster.connect()) {
      assertThat(cluster.protocolVersion()).isEqualTo(ProtocolVersion.V5);
      session.execute("CREATE KEYSPACE IF NOT EXISTS it_secure"
          + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
      session.execute("CREATE TABLE IF NOT EXISTS it_secure.blobs (k int, n int, v blob, PRIMARY KEY (k, n))");
      io.loomcql.PreparedStatement insert = session.prepare("INSERT INTO it_secure.blobs (k, n, v) VALUES (1, ?, ?)");
      java.util.Random random = new java.util.Random(7);
      byte[][] values = new byte[16][300_000];
      for (int n = 0; n < values.length; n++) {
        random.nextBytes(values[n]);
        session.execute(insert.bind(n, java.nio.ByteBuffer.wrap(values[n])));
      }
      List<io.loomcql.Row> rows = session.execute("SELECT n, v FROM it_secure.blobs WHERE k = 1").all();
      assertThat(rows).hasSize(values.length);
      for (io.loomcql.Row row : rows) {
        assertThat(row.getByteBuffer("v")).isEqualTo(java.nio.ByteBuffer.wrap(values[row.getInt("n")]));
      }
    }
  }

  @Test
  void should_reject_bad_credentials_with_the_server_message_and_host() {
    try (Cluster cluster = secureCluster(new PlainTextAuthProvider(ROLE, "wrong-" + SECRET))) {
      assertThatThrownBy(cluster::connect)
          .isInstanceOfSatisfying(
              AuthenticationException.class,
              e -> {
                assertThat(e.coordinator()).isEqualTo(SECURE);
                assertThat(e.serverMessage()).containsIgnoringCase("password");
                assertThat(e.getMessage()).doesNotContain(SECRET);
              });
    }
  }

  @Test
  void should_say_how_to_configure_auth_when_none_is_given() {
    try (Cluster cluster = secureCluster(null)) {
      assertThatThrownBy(cluster::connect)
          .isInstanceOf(AuthenticationException.class)
          .hasMessageContaining("withAuthProvider");
    }
  }

  @Test
  void should_refuse_a_node_whose_certificate_it_does_not_trust() throws Exception {
    try (Cluster cluster =
        Cluster.builder()
            .addContactPoints(SECURE)
            .withSsl(SSLContext.getDefault())
            .withAuthProvider(new PlainTextAuthProvider(ROLE, SECRET))
            .build()) {
      assertThatThrownBy(cluster::connect)
          .isInstanceOfSatisfying(
              NoHostAvailableException.class,
              e -> assertThat(e.errors().values())
                  .singleElement()
                  .isInstanceOfSatisfying(
                      ConnectionException.class, c -> assertThat(c.getMessage()).contains("TLS handshake failed")));
    }
  }

  @Test
  void should_log_no_password_at_any_level_during_an_authenticated_tls_session() {
    List<String> lines;
    try (LogCapture capture = LogCapture.start()) {
      try (Cluster cluster = secureCluster(new PlainTextAuthProvider(ROLE, SECRET));
          Session session = cluster.connect()) {
        session.execute("SELECT * FROM system.local");
        session.executeAsync("SELECT * FROM system.peers").join();
        assertThat(cluster.toString() + session + cluster.protocolVersion()).doesNotContain(SECRET);
      }
      try (Cluster wrong = secureCluster(new PlainTextAuthProvider(ROLE, "bad-" + SECRET))) {
        assertThatThrownBy(wrong::connect).satisfies(e -> assertThat(stackText(e)).doesNotContain(SECRET));
      }
      lines = capture.lines();
    }
    assertThat(lines).isNotEmpty();
    assertThat(lines).noneMatch(line -> line.contains(SECRET));
    assertThat(new PlainTextAuthProvider(ROLE, SECRET).toString()).doesNotContain(SECRET);
  }

  @Test
  void should_verify_the_host_name_unless_told_not_to() {
    try (LocalCluster node =
        LocalCluster.startSingle(
            OTHER, CassandraOptions.defaults().withMaxHeap("512M").withYaml(tls(certs.otherHostKeystore(), false)),
            "otherhost")) {
      try (Cluster cluster = Cluster.builder().addContactPoints(OTHER).withSsl(certs.clientContext()).build()) {
        assertThatThrownBy(cluster::connect)
            .isInstanceOf(NoHostAvailableException.class)
            .hasMessageContaining("TLS handshake failed");
      }
      SslOptions unverified =
          SslOptions.builder().withSslContext(certs.clientContext()).withHostnameVerification(false).build();
      try (Cluster cluster = Cluster.builder().addContactPoints(OTHER).withSslOptions(unverified).build();
          Session session = cluster.connect()) {
        assertThat(session.execute("SELECT key FROM system.local").one().getString(0)).isEqualTo("local");
      }
    }
  }

  @Test
  void should_present_a_client_certificate_when_the_node_requires_one() {
    try (LocalCluster node =
        LocalCluster.startSingle(
            OTHER, CassandraOptions.defaults().withMaxHeap("512M").withYaml(tls(certs.serverKeystore(), true)),
            "mtls")) {
      try (Cluster cluster = Cluster.builder().addContactPoints(OTHER).withSsl(certs.mutualClientContext()).build();
          Session session = cluster.connect()) {
        assertThat(session.execute("SELECT key FROM system.local").one().getString(0)).isEqualTo("local");
      }
      try (Cluster cluster = Cluster.builder().addContactPoints(OTHER).withSsl(certs.clientContext()).build()) {
        assertThatThrownBy(cluster::connect).isInstanceOf(NoHostAvailableException.class);
      }
    }
  }

  private static String stackText(Throwable e) {
    java.io.StringWriter text = new java.io.StringWriter();
    e.printStackTrace(new java.io.PrintWriter(text));
    return text.toString();
  }
}
