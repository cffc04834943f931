package io.loomcql.testkit;

import io.loomcql.Statement;
import io.loomcql.metadata.Host;
import io.loomcql.metadata.Metadata;
import io.loomcql.policy.HostDistance;
import io.loomcql.policy.LoadBalancingPolicy;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A load-balancing policy for fault tests: each statement tries the addresses a function picks,
 * in that order, so a test knows which connection a request is on and where it goes next. Nodes
 * at no listed address are {@link HostDistance#IGNORED} (no pool), e.g. the proxy that carries
 * only the control connection. Thread-safe.
 */
public final class FixedRoutes implements LoadBalancingPolicy {
  private final List<InetSocketAddress> all;
  private final Function<Statement<?>, List<InetSocketAddress>> route;
  private volatile Metadata metadata;

  /**
   * @param all every address requests may go to; a prepare (no statement) tries them in order
   * @param route the addresses one statement tries, in order (a subset of {@code all})
   */
  public FixedRoutes(List<InetSocketAddress> all, Function<Statement<?>, List<InetSocketAddress>> route) {
    this.all = List.copyOf(all);
    this.route = route;
  }

  /** Every statement tries the addresses in this order. */
  public static FixedRoutes inOrder(InetSocketAddress... addresses) {
    List<InetSocketAddress> order = List.of(addresses);
    return new FixedRoutes(order, statement -> order);
  }

  @Override
  public void init(Metadata metadata, Collection<Host> contactPoints) {
    this.metadata = metadata;
  }

  @Override
  public HostDistance distance(Host host) {
    return all.contains(host.address()) ? HostDistance.LOCAL : HostDistance.IGNORED;
  }

  @Override
  public Iterator<Host> newQueryPlan(String keyspace, Statement<?> statement) {
    Set<Host> hosts = metadata.allHosts();
    List<Host> plan = new ArrayList<>();
    for (InetSocketAddress address : statement == null ? all : route.apply(statement)) {
      for (Host host : hosts) {
        if (host.address().equals(address)) {
          plan.add(host);
        }
      }
    }
    return plan.iterator();
  }
}
