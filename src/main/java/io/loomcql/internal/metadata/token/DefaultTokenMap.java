package io.loomcql.internal.metadata.token;

import io.loomcql.metadata.Host;
import io.loomcql.metadata.Token;
import io.loomcql.metadata.TokenMap;
import io.loomcql.metadata.TokenRange;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The token map of a supported partitioner: the sorted ring, and every keyspace's replicas for each
 * ring position, computed when the map is built so that a lookup is one binary search and an array
 * read. Immutable and thread-safe; the control connection builds a new one when nodes or keyspaces
 * change.
 */
public final class DefaultTokenMap implements TokenMap {
  private static final Logger LOG = LoggerFactory.getLogger(DefaultTokenMap.class);

  // What was already reported: the map is rebuilt on every topology or schema change, and the same
  // unsupported partitioner or strategy would otherwise be logged again each time.
  private static final Set<String> REPORTED = ConcurrentHashMap.newKeySet();

  private final TokenRing ring;
  private final Map<String, ReplicaSet[]> replicasByKeyspace;
  private final Map<Host, int[]> positionsByHost;

  private DefaultTokenMap(TokenRing ring, Map<String, ReplicaSet[]> replicasByKeyspace) {
    this.ring = ring;
    this.replicasByKeyspace = replicasByKeyspace;
    this.positionsByHost = ring.positionsByHost();
  }

  /**
   * Builds the token map of a cluster.
   *
   * @param partitionerName the partitioner from {@code system.local}, full or short class name; an
   *     unsupported one gives a map whose replica sets are all empty (reported once, at WARN)
   * @param hosts every node, with its datacenter, rack and tokens; nodes without tokens are left out
   *     of the ring
   * @param replicationByKeyspace each keyspace's {@code replication} map from
   *     {@code system_schema.keyspaces}; keyspaces with the same strategy share one computation
   * @param localHost the node the driver is connected to for LocalStrategy keyspaces (the control
   *     node); may be null, which leaves those keyspaces without replicas
   */
  public static TokenMap build(String partitionerName, Collection<? extends Host> hosts,
      Map<String, Map<String, String>> replicationByKeyspace, Host localHost) {
    Partitioner partitioner = Partitioners.forName(partitionerName);
    if (partitioner == null) {
      if (REPORTED.add("partitioner " + partitionerName)) {
        LOG.warn("The cluster's partitioner {} is not supported: the driver cannot tell which nodes hold which"
            + " data, so token-aware routing is off", partitionerName);
      }
      return new UnsupportedPartitionerTokenMap(partitionerName);
    }
    TokenRing ring = TokenRing.build(partitioner, hosts);
    Map<ReplicationStrategy, ReplicaSet[]> computed = new HashMap<>();
    Map<String, ReplicaSet[]> byKeyspace = new HashMap<>();
    for (Map.Entry<String, Map<String, String>> keyspace : replicationByKeyspace.entrySet()) {
      ReplicationStrategy strategy = ReplicationStrategies.parse(keyspace.getValue(), localHost);
      if (strategy == null) {
        if (REPORTED.add("keyspace " + keyspace.getKey() + " " + keyspace.getValue())) {
          LOG.warn("Keyspace {}: the driver cannot compute replicas for replication {}, so requests to it are not"
              + " token-aware", keyspace.getKey(), keyspace.getValue());
        }
        continue;
      }
      if (!ring.isEmpty()) {
        byKeyspace.put(keyspace.getKey(), computed.computeIfAbsent(strategy, s -> s.replicasByPosition(ring)));
      }
    }
    return new DefaultTokenMap(ring, Map.copyOf(byKeyspace));
  }

  @Override
  public String partitionerName() {
    return ring.partitioner().name();
  }

  @Override
  public Token newToken(ByteBuffer routingKey) {
    return ring.partitioner().hash(routingKey);
  }

  @Override
  public Token newToken(ByteBuffer... partitionKeyComponents) {
    return newToken(RoutingKeys.compose(partitionKeyComponents));
  }

  @Override
  public Token parse(String token) {
    return ring.partitioner().parse(token);
  }

  /** Whether the replicas of {@code keyspace} are known: false for an unknown keyspace or replication. */
  public boolean hasReplicas(String keyspace) {
    return replicasByKeyspace.containsKey(keyspace);
  }

  @Override
  public Set<Host> replicas(String keyspace, ByteBuffer routingKey) {
    ReplicaSet[] replicas = replicasByKeyspace.get(keyspace);
    return replicas == null ? ReplicaSet.EMPTY : replicas[ring.search().ownerPosition(routingKey)];
  }

  @Override
  public Set<Host> replicas(String keyspace, Token token) {
    ReplicaSet[] replicas = replicasByKeyspace.get(keyspace);
    return replicas == null ? ReplicaSet.EMPTY : replicas[ring.search().ownerPosition(token)];
  }

  @Override
  public Set<Host> replicas(String keyspace, TokenRange range) {
    return replicas(keyspace, range.end());
  }

  @Override
  public Set<Token> tokens(Host host) {
    int[] positions = positionsByHost.getOrDefault(host, new int[0]);
    Set<Token> tokens = new LinkedHashSet<>();
    for (int position : positions) {
      tokens.add(ring.token(position));
    }
    return Collections.unmodifiableSet(tokens);
  }

  @Override
  public Set<TokenRange> tokenRanges() {
    Set<TokenRange> ranges = new LinkedHashSet<>();
    for (int position = 0; position < ring.size(); position++) {
      ranges.add(range(position));
    }
    return Collections.unmodifiableSet(ranges);
  }

  @Override
  public Set<TokenRange> tokenRanges(Host host) {
    Set<TokenRange> ranges = new LinkedHashSet<>();
    for (int position : positionsByHost.getOrDefault(host, new int[0])) {
      ranges.add(range(position));
    }
    return Collections.unmodifiableSet(ranges);
  }

  @Override
  public Set<TokenRange> tokenRanges(String keyspace, Host host) {
    ReplicaSet[] replicas = replicasByKeyspace.get(keyspace);
    if (replicas == null) {
      return Set.of();
    }
    List<TokenRange> ranges = new ArrayList<>();
    for (int position = 0; position < replicas.length; position++) {
      if (replicas[position].contains(host)) {
        ranges.add(range(position));
      }
    }
    return Collections.unmodifiableSet(new LinkedHashSet<>(ranges));
  }

  /** The range owned by the token at {@code position}: from the previous token, exclusive. */
  private TokenRange range(int position) {
    int previous = position == 0 ? ring.size() - 1 : position - 1;
    return new DefaultTokenRange(ring.token(previous), ring.token(position));
  }

  @Override
  public String toString() {
    return "TokenMap(" + partitionerName() + ", " + ring.size() + " tokens on " + ring.hosts().size() + " nodes, "
        + replicasByKeyspace.size() + " keyspaces)";
  }
}
