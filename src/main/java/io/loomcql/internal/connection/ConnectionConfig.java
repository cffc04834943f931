package io.loomcql.internal.connection;

import io.loomcql.ProtocolVersion;
import io.loomcql.auth.AuthProvider;
import java.time.Duration;
import java.util.Objects;

/**
 * What a connection needs to open and run: protocol version, stream id capacity, socket options,
 * authentication and frame limits.
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
    int maxFrameBodyLength) {

  public ConnectionConfig {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(cqlVersion, "cqlVersion");
  }
}
