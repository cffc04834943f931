package io.loomcql.policy;

import io.loomcql.Statement;
import io.loomcql.metadata.Host;
import io.loomcql.metadata.Metadata;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Keeps a set of nodes out of reach: nodes the predicate rejects are {@link HostDistance#IGNORED}
 * (no pool) and never in a plan, whatever the wrapped policy says; the others are left to the
 * wrapped policy. The wrapped policy hears only of accepted nodes (at init and as nodes join and
 * leave), so its rotation is not skewed by nodes it may not use.
 *
 * <p>The predicate runs on every {@link #distance} call and on every host of every plan, on the
 * request's thread: keep it cheap, and answer the same for a host every time (a node whose answer
 * changes is not added to or removed from the wrapped policy when it does). Thread-safe if the
 * wrapped policy and the predicate are.
 */
public final class HostFilterPolicy implements LoadBalancingPolicy {
  private final LoadBalancingPolicy child;
  private final Predicate<Host> filter;

  /**
   * Filters {@code child}'s nodes with {@code filter}.
   *
   * @param child the policy that orders and weighs the accepted nodes
   * @param filter true for the nodes the driver may use
   */
  public HostFilterPolicy(LoadBalancingPolicy child, Predicate<Host> filter) {
    this.child = Objects.requireNonNull(child, "child");
    this.filter = Objects.requireNonNull(filter, "filter");
  }

  /**
   * Only the nodes of the datacenters named. A node whose datacenter is not known yet (added by
   * hand) is rejected.
   *
   * @param child the policy that orders and weighs the accepted nodes
   * @param dcs the datacenters whose nodes may be used; copied
   * @return the policy
   * @throws IllegalArgumentException if {@code dcs} is empty: no node could ever be used
   * @throws NullPointerException if {@code child}, {@code dcs} or one of its names is null
   */
  public static HostFilterPolicy fromDcWhiteList(LoadBalancingPolicy child, Collection<String> dcs) {
    Set<String> allowed = Set.copyOf(dcs);
    if (allowed.isEmpty()) {
      throw new IllegalArgumentException("a datacenter white list needs at least one datacenter");
    }
    return new HostFilterPolicy(child, host -> host.datacenter() != null && allowed.contains(host.datacenter()));
  }

  /**
   * Every node except those of the datacenters named. A node whose datacenter is not known yet
   * (added by hand) is accepted.
   *
   * @param child the policy that orders and weighs the accepted nodes
   * @param dcs the datacenters whose nodes must not be used; copied, may be empty
   * @return the policy
   * @throws NullPointerException if {@code child}, {@code dcs} or one of its names is null
   */
  public static HostFilterPolicy fromDcBlackList(LoadBalancingPolicy child, Collection<String> dcs) {
    Set<String> denied = Set.copyOf(dcs);
    return new HostFilterPolicy(child, host -> host.datacenter() == null || !denied.contains(host.datacenter()));
  }

  /** {@return the wrapped policy} */
  public LoadBalancingPolicy child() {
    return child;
  }

  /** {@return the predicate: true for the nodes the driver may use} */
  public Predicate<Host> filter() {
    return filter;
  }

  /** Initializes the wrapped policy with the accepted nodes and contact points only. */
  @Override
  public void init(Metadata metadata, Collection<Host> contactPoints) {
    List<Host> contacts = new ArrayList<>(contactPoints.size());
    for (Host contact : contactPoints) {
      if (filter.test(contact)) {
        contacts.add(contact);
      }
    }
    child.init(new FilteredMetadata(metadata, filter), contacts);
  }

  /** {@link HostDistance#IGNORED} for rejected nodes, the wrapped policy's answer otherwise. */
  @Override
  public HostDistance distance(Host host) {
    return filter.test(host) ? child.distance(host) : HostDistance.IGNORED;
  }

  /** The wrapped policy's plan without the rejected nodes, filtered as it is consumed. */
  @Override
  public Iterator<Host> newQueryPlan(String keyspace, Statement<?> statement) {
    return new FilteredPlan(child.newQueryPlan(keyspace, statement), filter);
  }

  /** Tells the wrapped policy, if the node is accepted. */
  @Override
  public void onAdd(Host host) {
    if (filter.test(host)) {
      child.onAdd(host);
    }
  }

  /** Tells the wrapped policy, if the node is accepted. */
  @Override
  public void onRemove(Host host) {
    if (filter.test(host)) {
      child.onRemove(host);
    }
  }

  /** Always tells the wrapped policy: the attempt happened, whatever the filter says now. */
  @Override
  public void onRequestCompleted(Host coordinator, long latencyNanos, Throwable error) {
    child.onRequestCompleted(coordinator, latencyNanos, error);
  }

  @Override
  public String toString() {
    return "HostFilterPolicy(" + child + ")";
  }
}
