package io.loomcql.request;

import io.loomcql.Statement;
import io.loomcql.metadata.Host;
import io.loomcql.metadata.Metadata;
import io.loomcql.policy.LoadBalancingPolicy;
import java.net.InetSocketAddress;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

/** Plans that always list the nodes in the order of the given addresses: tests know who is first. */
final class FixedOrderPolicy implements LoadBalancingPolicy {
  private final List<InetSocketAddress> order;
  private volatile Metadata metadata;
  /** What {@link #onRequestCompleted} was told, as "address error-class-or-ok". */
  final java.util.Queue<String> completions = new java.util.concurrent.ConcurrentLinkedQueue<>();

  FixedOrderPolicy(List<InetSocketAddress> order) {
    this.order = List.copyOf(order);
  }

  @Override
  public void init(Metadata metadata, Collection<Host> contactPoints) {
    this.metadata = metadata;
  }

  @Override
  public void onRequestCompleted(Host coordinator, long latencyNanos, Throwable error) {
    completions.add(coordinator.address() + " " + (error == null ? "ok" : error.getClass().getSimpleName()));
  }

  @Override
  public Iterator<Host> newQueryPlan(String keyspace, Statement<?> statement) {
    return metadata.allHosts().stream()
        .filter(host -> order.contains(host.address()))
        .sorted(Comparator.comparingInt(host -> order.indexOf(host.address())))
        .iterator();
  }
}
