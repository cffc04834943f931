package io.loomcql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loomcql.error.NoHostAvailableException;
import io.loomcql.testkit.TlsCertificates;
import io.loomcql.testkit.TlsFakeNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** TLS through the public API: {@code Cluster.builder().withSsl(...)} down to a query. */
@Timeout(60)
class TlsClusterTest {
  static final TlsCertificates CERTS = TlsCertificates.get();

  private TlsFakeNode node;

  @BeforeEach
  void startNode() throws Exception {
    node = new TlsFakeNode(CERTS.serverContext(CERTS.serverKeystore()), socket -> {});
  }

  @AfterEach
  void stopNode() throws Exception {
    node.close();
  }

  @Test
  void should_run_a_query_when_the_cluster_is_built_with_an_ssl_context() {
    try (Cluster cluster = Cluster.builder().addContactPoint(node.address()).withSsl(CERTS.clientContext()).build();
        Session session = cluster.connect()) {
      assertThat(session.execute("over tls").one().getString("value")).isEqualTo("over tls");
    }
  }

  @Test
  void should_say_tls_failed_when_the_default_context_does_not_trust_the_node() {
    SslOptions defaults = SslOptions.builder().build(); // the JDK's cacerts: our test CA is not there
    try (Cluster cluster = Cluster.builder().addContactPoint(node.address()).withSslOptions(defaults).build()) {
      assertThatThrownBy(cluster::connect)
          .isInstanceOf(NoHostAvailableException.class)
          .hasMessageContaining("TLS handshake failed")
          .hasMessageContaining("unable to find valid certification path");
    }
  }

  @Test
  void should_warn_once_per_cluster_when_hostname_verification_is_off() {
    SslOptions unverified =
        SslOptions.builder().withSslContext(CERTS.clientContext()).withHostnameVerification(false).build();
    String log =
        stderrOf(
            () -> {
              try (Cluster cluster =
                      Cluster.builder()
                          .addContactPoint(node.address())
                          .withSslOptions(unverified)
                          .withConnectionsPerHost(3)
                          .build();
                  Session session = cluster.connect()) {
                session.execute("one");
                session.execute("two");
              }
            });
    assertThat(count(log, "TLS hostname verification is off")).isEqualTo(1);
  }

  @Test
  void should_not_warn_when_hostname_verification_is_on() {
    String log = stderrOf(() -> Cluster.builder().withSsl(CERTS.clientContext()).build().close());
    assertThat(log).doesNotContain("hostname verification");
  }

  /** What slf4j-simple (the tests' binding, which looks up System.err on every line) printed. */
  private static String stderrOf(Runnable action) {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      action.run();
    } finally {
      System.setErr(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }

  private static int count(String text, String part) {
    Matcher matcher = Pattern.compile(Pattern.quote(part)).matcher(text);
    int count = 0;
    while (matcher.find()) {
      count++;
    }
    return count;
  }
}
