package io.loomcql.internal.session;

import io.loomcql.ConsistencyLevel;
import io.loomcql.RequestTracker;
import io.loomcql.internal.connection.ConnectionConfig;
import io.loomcql.policy.AddressTranslator;
import io.loomcql.policy.ConvictionPolicy;
import io.loomcql.policy.LoadBalancingPolicy;
import io.loomcql.policy.ReconnectionPolicy;
import io.loomcql.policy.RequestThrottler;
import io.loomcql.policy.RetryPolicy;
import io.loomcql.policy.SpeculativeExecutionPolicy;
import io.loomcql.policy.TimestampGenerator;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/**
 * Every option of a cluster, resolved to its final value (defaults applied) by
 * {@code Cluster.Builder.build()}. Immutable.
 *
 * @param connection the connection settings; its version is the one to start with
 * @param negotiateVersion whether a node may make the driver step down from that version (true
 *     unless the user set one with {@code withProtocolVersion})
 * @param schemaMetadata false keeps only the keyspaces and their replication (what routing needs)
 */
public record DriverConfig(
    List<InetSocketAddress> contactPoints,
    ConnectionConfig connection,
    boolean negotiateVersion,
    int connectionsPerHost,
    Duration requestTimeout,
    ConsistencyLevel consistency,
    ConsistencyLevel serialConsistency,
    int pageSize,
    boolean defaultIdempotence,
    RequestPolicies requests,
    ReconnectionPolicy reconnection,
    ConvictionPolicy conviction,
    LoadBalancingPolicy loadBalancing,
    AddressTranslator addressTranslator,
    EventWindows eventWindows,
    Duration controlTimeout,
    Duration maxSchemaAgreementWait,
    boolean schemaMetadata,
    boolean tokenMetadata,
    boolean metrics) {

  /** How long events of each kind are gathered before one refresh handles them all. */
  public record EventWindows(Duration topology, Duration status, Duration schema) {}

  /**
   * What shapes each request beyond routing.
   *
   * @param prepareOnAllHosts whether {@code prepare} also prepares on every other node with a pool
   * @param reprepareOnUp whether a node that comes back gets the session's prepared statements
   * @param tracker told how every request and attempt ends, or null
   */
  public record RequestPolicies(
      RetryPolicy retry,
      SpeculativeExecutionPolicy speculative,
      RequestThrottler throttler,
      TimestampGenerator timestamps,
      boolean prepareOnAllHosts,
      boolean reprepareOnUp,
      RequestTracker tracker) {}

  public DriverConfig {
    contactPoints = List.copyOf(contactPoints);
  }
}
