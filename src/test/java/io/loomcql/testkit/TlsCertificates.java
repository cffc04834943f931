package io.loomcql.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Test certificates made with the JDK's {@code keytool}, under {@code target/tls-test/}: a CA and
 * PKCS12 key stores it signed. Every store and key has the password {@link #PASSWORD}. Made once
 * and reused by later runs until {@code mvn clean} (a marker file names the recipe).
 *
 * <p>For a real Cassandra 5.0 node, {@code cassandra.yaml} (the server key names 127.0.0.1-5, so
 * one keystore serves every node of the test cluster):
 *
 * <pre>
 * client_encryption_options:
 *   enabled: true
 *   optional: false
 *   keystore: <i>serverKeystore()</i>
 *   keystore_password: loomcql-test
 *   keystore_type: PKCS12                # store_type before 4.1
 *   require_client_auth: true            # mutual TLS; false (the default) otherwise
 *   truststore: <i>truststore()</i>        # read only for mutual TLS
 *   truststore_password: loomcql-test
 *   truststore_type: PKCS12
 * </pre>
 *
 * <p>The driver side: {@link #clientContext()} (trusts the CA) or {@link #mutualClientContext()}
 * (also presents {@link #clientKeystore()}). Thread-safe.
 */
public final class TlsCertificates {
  public static final String PASSWORD = "loomcql-test";
  /** Bump when the commands below change, so that an old {@code target/tls-test} is remade. */
  private static final String RECIPE = "loomcql-tls-test-v2"; // v2: the server key also names 127.0.0.4 and .5
  private static final ReentrantLock LOCK = new ReentrantLock();
  private static TlsCertificates shared; // guarded by LOCK

  private final Path dir;

  private TlsCertificates(Path dir) {
    this.dir = dir;
  }

  /** The certificates of this project, made on first use. */
  public static TlsCertificates get() {
    LOCK.lock();
    try {
      if (shared == null) {
        shared = createIn(ProjectPaths.projectDir().resolve("target").resolve("tls-test"));
      }
      return shared;
    } finally {
      LOCK.unlock();
    }
  }

  /** Makes (or reuses) the certificates in {@code dir}. */
  public static TlsCertificates createIn(Path dir) {
    TlsCertificates certificates = new TlsCertificates(dir);
    try {
      Path marker = dir.resolve("complete");
      if (!Files.isRegularFile(marker) || !Files.readString(marker).equals(RECIPE)) {
        certificates.generate();
        Files.writeString(marker, RECIPE);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot make test certificates in " + dir + ": " + e.getMessage(), e);
    }
    return certificates;
  }

  public Path dir() {
    return dir;
  }

  /** The CA certificate, PEM. */
  public Path caCertificate() {
    return dir.resolve("ca.pem");
  }

  /** Trusted entries only: the CA. What a client (or a node checking client certificates) trusts. */
  public Path truststore() {
    return dir.resolve("truststore.p12");
  }

  /** A node's key, signed by the CA; SAN IP:127.0.0.1-5, DNS:localhost. */
  public Path serverKeystore() {
    return dir.resolve("server.p12");
  }

  /** A client's key for mutual TLS, signed by the CA, CN=loomcql test client. */
  public Path clientKeystore() {
    return dir.resolve("client.p12");
  }

  /** A node's key, signed by the CA, naming only DNS:other.example: fails hostname checks elsewhere. */
  public Path otherHostKeystore() {
    return dir.resolve("other-host.p12");
  }

  /** A self-signed key (SAN IP:127.0.0.1, DNS:localhost) that the CA did not sign: never trusted. */
  public Path untrustedKeystore() {
    return dir.resolve("untrusted.p12");
  }

  /** Trusts the CA; no client certificate. */
  public SSLContext clientContext() {
    return context(null, truststore());
  }

  /** Trusts the CA and presents the client certificate. */
  public SSLContext mutualClientContext() {
    return context(clientKeystore(), truststore());
  }

  /** Serves {@code keystore}'s key and trusts the CA (for client certificates). */
  public SSLContext serverContext(Path keystore) {
    return context(keystore, truststore());
  }

  /** A TLS context from PKCS12 stores made here; {@code keystore} may be null. */
  public static SSLContext context(Path keystore, Path truststore) {
    try {
      KeyManagerFactory keys = null;
      if (keystore != null) {
        keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(load(keystore), PASSWORD.toCharArray());
      }
      TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(load(truststore));
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot build a TLS context from " + keystore + " and " + truststore, e);
    }
  }

  private static KeyStore load(Path store) throws GeneralSecurityException, IOException {
    KeyStore keyStore = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      keyStore.load(in, PASSWORD.toCharArray());
    }
    return keyStore;
  }

  /** EC P-256 keys: a tenth of the time RSA takes in keytool, and every JDK and Cassandra accepts them. */
  private void generate() throws IOException {
    Files.createDirectories(dir);
    List<String> files =
        List.of("pki.p12", "ca.pem", "truststore.p12", "server.p12", "client.p12", "other-host.p12", "untrusted.p12");
    for (String name : files) {
      Files.deleteIfExists(dir.resolve(name));
    }
    keytool("-genkeypair", "-keystore", "pki.p12", "-alias", "ca", "-dname", "CN=loomcql test CA",
        "-ext", "bc:c=ca:true", "-ext", "KU=keyCertSign,cRLSign");
    keytool("-exportcert", "-rfc", "-keystore", "pki.p12", "-alias", "ca", "-file", "ca.pem");
    keytool("-importcert", "-noprompt", "-keystore", "truststore.p12", "-alias", "ca", "-file", "ca.pem");
    signed("server", "CN=localhost", "SAN=IP:127.0.0.1,IP:127.0.0.2,IP:127.0.0.3,IP:127.0.0.4,IP:127.0.0.5,DNS:localhost", "serverAuth");
    signed("client", "CN=loomcql test client", null, "clientAuth");
    signed("other-host", "CN=other.example", "SAN=DNS:other.example", "serverAuth");
    keytool("-genkeypair", "-keystore", "untrusted.p12", "-alias", "untrusted", "-dname", "CN=localhost",
        "-ext", "SAN=IP:127.0.0.1,DNS:localhost");
  }

  /** A key signed by the CA, alone in {@code <name>.p12} with its chain (key, CA). */
  private void signed(String name, String dname, String san, String usage) throws IOException {
    List<String> args = new ArrayList<>(List.of("-genkeypair", "-keystore", "pki.p12", "-alias", name, "-dname", dname,
        "-signer", "ca", "-signerkeypass", PASSWORD, "-ext", "EKU=" + usage));
    if (san != null) {
      args.addAll(List.of("-ext", san));
    }
    keytool(args.toArray(String[]::new));
    keytool("-importkeystore", "-srckeystore", "pki.p12", "-srcstorepass", PASSWORD, "-srcalias", name,
        "-destkeystore", name + ".p12", "-deststoretype", "PKCS12", "-deststorepass", PASSWORD,
        "-destkeypass", PASSWORD);
  }

  private void keytool(String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.add("-J-XX:TieredStopAtLevel=1");
    command.addAll(List.of(args));
    if (args[0].equals("-genkeypair")) {
      command.addAll(List.of("-keyalg", "EC", "-groupname", "secp256r1", "-validity", "3650", "-keypass", PASSWORD));
    }
    if (!args[0].equals("-importkeystore")) {
      command.addAll(List.of("-storetype", "PKCS12", "-storepass", PASSWORD));
    }
    Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    try {
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IOException("keytool " + String.join(" ", args) + " failed: " + output.strip());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running keytool", e);
    } finally {
      process.destroy();
    }
  }
}
