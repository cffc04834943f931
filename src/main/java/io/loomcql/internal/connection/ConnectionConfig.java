package io.loomcql.internal.connection;

import io.loomcql.Compression;
import io.loomcql.ProtocolVersion;
import io.loomcql.SslOptions;
import io.loomcql.auth.AuthProvider;
import java.time.Duration;
import java.util.Objects;

/**
 * What a connection needs to open and run: protocol version, stream id capacity, socket options,
 * authentication, frame limits, TLS ({@code ssl}, null for plain TCP), the compression to ask
 * for, the orphan limit and the idle heartbeat. Immutable; the {@code withX} methods copy.
 *
 * @param maxOrphans timed-out requests still owed an answer past which the connection drains
 *     and closes (the pool replaces it)
 * @param heartbeatInterval idle time after which an OPTIONS checks the node still answers
 * @param heartbeatTimeout how long that OPTIONS may take before the connection is defunct
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
    Compression compression,
    int maxOrphans,
    Duration heartbeatInterval,
    Duration heartbeatTimeout) {

  public static final int DEFAULT_MAX_ORPHANS = 256;
  public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(30);

  public ConnectionConfig {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(cqlVersion, "cqlVersion");
    Objects.requireNonNull(compression, "compression");
    Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
    Objects.requireNonNull(heartbeatTimeout, "heartbeatTimeout");
  }

  /** Plain TCP, no compression, the default orphan limit and heartbeat. */
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
    this(version, maxRequestsPerConnection, connectTimeout, tcpNoDelay, keepAlive, sendBufferSize,
        receiveBufferSize, authProvider, cqlVersion, maxFrameBodyLength, null, Compression.NONE,
        DEFAULT_MAX_ORPHANS, DEFAULT_HEARTBEAT, DEFAULT_HEARTBEAT);
  }

  /** The same settings at another protocol version (negotiation steps down with this). */
  public ConnectionConfig withVersion(ProtocolVersion newVersion) {
    return new ConnectionConfig(newVersion, maxRequestsPerConnection, connectTimeout, tcpNoDelay, keepAlive,
        sendBufferSize, receiveBufferSize, authProvider, cqlVersion, maxFrameBodyLength, ssl, compression,
        maxOrphans, heartbeatInterval, heartbeatTimeout);
  }

  public ConnectionConfig withSsl(SslOptions newSsl) {
    return new ConnectionConfig(version, maxRequestsPerConnection, connectTimeout, tcpNoDelay, keepAlive,
        sendBufferSize, receiveBufferSize, authProvider, cqlVersion, maxFrameBodyLength, newSsl, compression,
        maxOrphans, heartbeatInterval, heartbeatTimeout);
  }

  public ConnectionConfig withCompression(Compression newCompression) {
    return new ConnectionConfig(version, maxRequestsPerConnection, connectTimeout, tcpNoDelay, keepAlive,
        sendBufferSize, receiveBufferSize, authProvider, cqlVersion, maxFrameBodyLength, ssl, newCompression,
        maxOrphans, heartbeatInterval, heartbeatTimeout);
  }

  public ConnectionConfig withMaxOrphans(int newMaxOrphans) {
    return new ConnectionConfig(version, maxRequestsPerConnection, connectTimeout, tcpNoDelay, keepAlive,
        sendBufferSize, receiveBufferSize, authProvider, cqlVersion, maxFrameBodyLength, ssl, compression,
        newMaxOrphans, heartbeatInterval, heartbeatTimeout);
  }

  public ConnectionConfig withHeartbeat(Duration interval, Duration timeout) {
    return new ConnectionConfig(version, maxRequestsPerConnection, connectTimeout, tcpNoDelay, keepAlive,
        sendBufferSize, receiveBufferSize, authProvider, cqlVersion, maxFrameBodyLength, ssl, compression,
        maxOrphans, interval, timeout);
  }
}
