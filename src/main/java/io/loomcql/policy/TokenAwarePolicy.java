package io.loomcql.policy;

import io.loomcql.Statement;
import io.loomcql.internal.metadata.token.DefaultTokenMap;
import io.loomcql.metadata.Host;
import io.loomcql.metadata.Metadata;
import io.loomcql.metadata.TokenMap;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends a request first to the replicas of its partition key (those up and local to the wrapped
 * policy), then along the wrapped policy's plan. The key comes from the statement's routing key:
 * a bound statement's partition-key values, or {@code setRoutingKey} on a simple one. Without a
 * key, a keyspace or a token map, the wrapped policy decides alone.
 */
public final class TokenAwarePolicy implements LoadBalancingPolicy {
  private final LoadBalancingPolicy child;
  private final boolean spreadReplicas;
  private final AtomicInteger rotation = new AtomicInteger();
  private volatile Metadata metadata;

  /**
   * Replicas taken in turn, so that one hot partition spreads over its replicas.
   *
   * @param child the policy that orders the other nodes, and says which replicas are local
   * @throws NullPointerException if {@code child} is null
   */
  public TokenAwarePolicy(LoadBalancingPolicy child) {
    this(child, true);
  }

  /**
   * Replicas first, in turn or in ring order.
   *
   * @param child the policy that orders the other nodes, and says which replicas are local
   * @param spreadReplicas false to always try the primary replica first, in ring order; true to
   *     start each request at the next replica (the reference drivers' shuffle, without a random
   *     number per request)
   * @throws NullPointerException if {@code child} is null
   */
  public TokenAwarePolicy(LoadBalancingPolicy child, boolean spreadReplicas) {
    this.child = Objects.requireNonNull(child, "child");
    this.spreadReplicas = spreadReplicas;
  }

  /** {@return the wrapped policy} */
  public LoadBalancingPolicy child() {
    return child;
  }

  @Override
  public void init(Metadata metadata, Collection<Host> contactPoints) {
    this.metadata = metadata;
    child.init(metadata, contactPoints);
  }

  @Override
  public HostDistance distance(Host host) {
    return child.distance(host);
  }

  @Override
  public Iterator<Host> newQueryPlan(String keyspace, Statement<?> statement) {
    Metadata cluster = metadata;
    if (statement == null || keyspace == null || cluster == null) {
      return child.newQueryPlan(keyspace, statement); // no replicas to find: do not build a routing key
    }
    TokenMap tokens;
    try {
      tokens = cluster.tokenMap();
    } catch (IllegalStateException disabled) {
      return child.newQueryPlan(keyspace, statement); // token metadata switched off
    }
    if (tokens instanceof DefaultTokenMap known && !known.hasReplicas(keyspace)) {
      // An unknown keyspace or replication: a key built now would be thrown away, and when escape
      // analysis misses it, a bound value's key costs three buffers.
      return child.newQueryPlan(keyspace, statement);
    }
    ByteBuffer key = statement.routingKey();
    if (key == null) {
      return child.newQueryPlan(keyspace, statement);
    }
    Set<Host> replicas = tokens.replicas(keyspace, key);
    if (replicas.isEmpty()) {
      return child.newQueryPlan(keyspace, statement);
    }
    Host[] chosen = new Host[replicas.size()];
    int count = 0;
    for (Host replica : replicas) {
      if (replica.isUp() && child.distance(replica) == HostDistance.LOCAL) {
        chosen[count++] = replica;
      }
    }
    // Each request starts one replica further: a hot partition's load spreads over its replicas
    // without a random number per request.
    int start = spreadReplicas && count > 1 ? Math.floorMod(rotation.getAndIncrement(), count) : 0;
    return new ReplicasFirst(chosen, count, start, child, keyspace, statement);
  }

  @Override
  public void onAdd(Host host) {
    child.onAdd(host);
  }

  @Override
  public void onRemove(Host host) {
    child.onRemove(host);
  }

  @Override
  public void onRequestCompleted(Host coordinator, long latencyNanos, Throwable error) {
    child.onRequestCompleted(coordinator, latencyNanos, error);
  }

  @Override
  public String toString() {
    return "TokenAwarePolicy(" + child + (spreadReplicas ? ", replicas in turn" : "") + ")";
  }

  /**
   * The chosen replicas, then the child's plan without them. The child's plan is made only once
   * the replicas are used up: most requests are answered by the first replica, and never need it.
   */
  private static final class ReplicasFirst implements Iterator<Host> {
    private final Host[] replicas;
    private final int count;
    private final int start;
    private final LoadBalancingPolicy child;
    private final String keyspace;
    private final Statement<?> statement;
    private Iterator<Host> rest; // null until the replicas are used up
    private int index;
    private Host next;

    ReplicasFirst(
        Host[] replicas, int count, int start, LoadBalancingPolicy child, String keyspace, Statement<?> statement) {
      this.replicas = replicas;
      this.count = count;
      this.start = start;
      this.child = child;
      this.keyspace = keyspace;
      this.statement = statement;
    }

    @Override
    public boolean hasNext() {
      if (next != null) {
        return true;
      }
      if (index < count) {
        next = replicas[(start + index++) % count];
        return true;
      }
      if (rest == null) {
        rest = child.newQueryPlan(keyspace, statement);
      }
      while (rest.hasNext()) {
        Host candidate = rest.next();
        if (!isReplica(candidate)) {
          next = candidate;
          return true;
        }
      }
      return false;
    }

    private boolean isReplica(Host host) {
      for (int i = 0; i < count; i++) {
        if (replicas[i].equals(host)) {
          return true;
        }
      }
      return false;
    }

    @Override
    public Host next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Host host = next;
      next = null;
      return host;
    }
  }
}
