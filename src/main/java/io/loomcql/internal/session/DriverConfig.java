package io.loomcql.internal.session;

import io.loomcql.ConsistencyLevel;
import io.loomcql.internal.connection.ConnectionConfig;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/**
 * Every option of a cluster, resolved to its final value (defaults applied) by
 * {@code Cluster.Builder.build()}. Immutable.
 */
public record DriverConfig(
    List<InetSocketAddress> contactPoints,
    ConnectionConfig connection,
    int connectionsPerHost,
    Duration requestTimeout,
    ConsistencyLevel consistency,
    ConsistencyLevel serialConsistency,
    int pageSize,
    boolean defaultIdempotence,
    boolean clientTimestamps) {

  public DriverConfig {
    contactPoints = List.copyOf(contactPoints);
  }
}
