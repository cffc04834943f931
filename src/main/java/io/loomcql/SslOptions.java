package io.loomcql;

import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the driver speaks TLS to the nodes (Cassandra's {@code client_encryption_options}). Immutable
 * and thread-safe; build one with {@link #builder()} and pass it to {@link
 * Cluster.Builder#withSslOptions}, or pass just a context to {@link Cluster.Builder#withSsl}.
 *
 * <p>Every option, with its default:
 *
 * <ul>
 *   <li>{@code sslContext}: {@link SSLContext#getDefault()}, which trusts what the JDK trusts or
 *       what {@code -Djavax.net.ssl.trustStore} names. The context is where the certificates
 *       live: its TrustManager decides which node certificates are trusted, and its KeyManager
 *       supplies the client certificate when the node asks for one (mutual TLS, Cassandra's
 *       {@code require_client_auth: true}). The driver adds no key material of its own.
 *   <li>{@code hostnameVerification}: on. The node's certificate must name the address the driver
 *       dialled: a DNS subject alternative name when the contact point was given as a host name,
 *       an IP subject alternative name when it was an IP address (always the case for nodes
 *       discovered from {@code system.peers}). Turning it off logs a warning once per cluster.
 *   <li>SNI: always sent with the contact point's host name when it was given as a name; never
 *       for IP literals (RFC 6066 forbids them).
 *   <li>{@code cipherSuites} and {@code protocols}: null, meaning the JDK engine's defaults
 *       (TLSv1.3 and TLSv1.2 on current JDKs).
 * </ul>
 */
public final class SslOptions {
  private static final Logger LOG = LoggerFactory.getLogger(SslOptions.class);

  private final SSLContext sslContext;
  private final boolean hostnameVerification;
  private final List<String> cipherSuites;
  private final List<String> protocols;

  private SslOptions(Builder builder) {
    this.sslContext = builder.sslContext != null ? builder.sslContext : defaultContext();
    this.hostnameVerification = builder.hostnameVerification;
    SSLParameters supported = sslContext.getSupportedSSLParameters();
    this.cipherSuites = checked(builder.cipherSuites, supported.getCipherSuites(), "cipher suite");
    this.protocols = checked(builder.protocols, supported.getProtocols(), "protocol");
  }

  /** {@return a builder holding the defaults} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The defaults, with certificates from {@code context}.
   *
   * @param context the context holding the truststore and, for mutual TLS, the client's key
   * @return the options
   * @throws NullPointerException if {@code context} is null
   */
  public static SslOptions of(SSLContext context) {
    return builder().withSslContext(context).build();
  }

  /** {@return the context the connections' TLS engines come from} */
  public SSLContext sslContext() {
    return sslContext;
  }

  /** {@return whether the node's certificate must name the address dialled; true by default} */
  public boolean hostnameVerification() {
    return hostnameVerification;
  }

  /** {@return the enabled cipher suites, in preference order, or null for the engine's defaults} */
  public List<String> cipherSuites() {
    return cipherSuites;
  }

  /** {@return the enabled protocols, such as {@code TLSv1.3}, or null for the engine's defaults} */
  public List<String> protocols() {
    return protocols;
  }

  /** Called once per cluster built, so that an operator sees the risk once, not per connection. */
  void warnIfHostnameVerificationOff() {
    if (!hostnameVerification) {
      LOG.warn(
          "TLS hostname verification is off (SslOptions.withHostnameVerification(false)): any certificate the"
              + " truststore trusts is accepted for any node, so whoever holds one can impersonate a node");
    }
  }

  /** Names the context by protocol and provider only: a context holds keys, which never print. */
  @Override
  public String toString() {
    return "SslOptions{context="
        + sslContext.getProtocol()
        + " ("
        + sslContext.getProvider().getName()
        + "), hostnameVerification="
        + hostnameVerification
        + ", protocols="
        + (protocols == null ? "default" : protocols)
        + ", cipherSuites="
        + (cipherSuites == null ? "default" : cipherSuites)
        + "}";
  }

  private static SSLContext defaultContext() {
    try {
      return SSLContext.getDefault();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(
          "the JDK has no default TLS context; pass one with SslOptions.Builder.withSslContext", e);
    }
  }

  /** Rejects a name the context does not support now rather than at the first connection. */
  private static List<String> checked(List<String> wanted, String[] supported, String what) {
    if (wanted == null) {
      return null;
    }
    if (wanted.isEmpty()) {
      throw new IllegalArgumentException("the list of " + what + "s is empty; pass null for the defaults");
    }
    Set<String> known = new HashSet<>(Arrays.asList(supported));
    for (String name : wanted) {
      if (!known.contains(name)) {
        throw new IllegalArgumentException("unsupported TLS " + what + " '" + name + "'; this JDK supports " + known);
      }
    }
    return wanted;
  }

  /** Collects options; {@link #build()} applies the defaults and checks the names. Not thread-safe. */
  public static final class Builder {
    private SSLContext sslContext;
    private boolean hostnameVerification = true;
    private List<String> cipherSuites;
    private List<String> protocols;

    private Builder() {}

    /**
     * The context holding the truststore and, for mutual TLS, the client's key; default {@link
     * SSLContext#getDefault()}.
     *
     * @param context the context
     * @return this builder
     * @throws NullPointerException if {@code context} is null
     */
    public Builder withSslContext(SSLContext context) {
      this.sslContext = Objects.requireNonNull(context, "context");
      return this;
    }

    /**
     * Whether the node's certificate must name the address dialled; default true. Turning it off
     * lets anyone with a certificate the truststore trusts impersonate a node.
     *
     * @param enabled {@code false} to accept any trusted certificate for any node
     * @return this builder
     */
    public Builder withHostnameVerification(boolean enabled) {
      this.hostnameVerification = enabled;
      return this;
    }

    /**
     * Cipher suites to enable, in preference order; null (the default) keeps the engine's.
     *
     * @param suites the suites' standard names, checked by {@link #build()}; copied
     * @return this builder
     */
    public Builder withCipherSuites(List<String> suites) {
      this.cipherSuites = suites == null ? null : List.copyOf(suites);
      return this;
    }

    /**
     * Cipher suites to enable, in preference order.
     *
     * @param suites the suites' standard names, checked by {@link #build()}
     * @return this builder
     */
    public Builder withCipherSuites(String... suites) {
      return withCipherSuites(List.of(suites));
    }

    /**
     * Protocols to enable, such as {@code TLSv1.3}; null (the default) keeps the engine's.
     *
     * @param protocols the protocols' standard names, checked by {@link #build()}; copied
     * @return this builder
     */
    public Builder withProtocols(List<String> protocols) {
      this.protocols = protocols == null ? null : List.copyOf(protocols);
      return this;
    }

    /**
     * Protocols to enable, such as {@code TLSv1.3}.
     *
     * @param protocols the protocols' standard names, checked by {@link #build()}
     * @return this builder
     */
    public Builder withProtocols(String... protocols) {
      return withProtocols(List.of(protocols));
    }

    /**
     * The options, with the default context if none was given.
     *
     * @return the options
     * @throws IllegalArgumentException if a cipher suite or protocol is unknown to the context, or
     *     a list of them is empty
     * @throws IllegalStateException if no context was given and the JDK has no default one
     */
    public SslOptions build() {
      return new SslOptions(this);
    }
  }
}
