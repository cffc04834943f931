package io.loomcql.internal.connection;

import io.loomcql.Compression;
import io.loomcql.ProtocolVersion;
import io.loomcql.SslOptions;
import io.loomcql.auth.AuthProvider;
import java.time.Duration;
import java.util.Objects;

/**
 * What a connection needs to open and run: protocol version, stream id capacity, socket options,
 * authentication, frame limits, TLS ({@code ssl}, null for plain TCP) and the compression to ask for.
 */
public record ConnectionConfig(
    ProtocolVersion version,
    int maxRequestsPerConnection,
    Duration connectTimeout,
    boolean tcpNoDelay,
    boolean keepAlive,
    int sendBufferSize,
    int receiveBufferSize,
    AuthProvider authProvider,
    String cqlVersion,
    int maxFrameBodyLength,
    SslOptions ssl,
    Compression compression) {

  public ConnectionConfig {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(compression, "compression");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(cqlVersion, "cqlVersion");
  }

  /** Plain TCP. */
  public ConnectionConfig(
      ProtocolVersion version,
      int maxRequestsPerConnection,
      Duration connectTimeout,
      boolean tcpNoDelay,
      boolean keepAlive,
      int sendBufferSize,
      int receiveBufferSize,
      AuthProvider authProvider,
      String cqlVersion,
      int maxFrameBodyLength) {
    this(
        version,
        maxRequestsPerConnection,
        connectTimeout,
        tcpNoDelay,
        keepAlive,
        sendBufferSize,
        receiveBufferSize,
        authProvider,
        cqlVersion,
        maxFrameBodyLength,
        null,
        Compression.NONE);
  }

  /** The same settings at another protocol version (negotiation steps down with this). */
  public ConnectionConfig withVersion(ProtocolVersion newVersion) {
    return new ConnectionConfig(newVersion, maxRequestsPerConnection, connectTimeout, tcpNoDelay, keepAlive,
        sendBufferSize, receiveBufferSize, authProvider, cqlVersion, maxFrameBodyLength, ssl, compression);
  }
}
