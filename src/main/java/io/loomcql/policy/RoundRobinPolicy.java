package io.loomcql.policy;

import io.loomcql.Statement;
import io.loomcql.metadata.Host;
import io.loomcql.metadata.Metadata;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Every node in turn, whatever its datacenter: each plan starts one node further than the last,
 * nodes believed up first, then the others. For single-datacenter clusters; prefer
 * {@link DcAwareRoundRobinPolicy} otherwise.
 */
public final class RoundRobinPolicy implements LoadBalancingPolicy {
  private final ReentrantLock lock = new ReentrantLock(); // serializes changes to the array
  private final AtomicInteger rotation = new AtomicInteger();
  private volatile Host[] hosts = new Host[0];

  /** A policy over every node of the cluster, whatever its datacenter. */
  public RoundRobinPolicy() {}

  @Override
  public void init(Metadata metadata, Collection<Host> contactPoints) {
    metadata.allHosts().forEach(this::onAdd);
  }

  @Override
  public Iterator<Host> newQueryPlan(String keyspace, Statement<?> statement) {
    Host[] snapshot = hosts;
    // The shared counter is a cache line every request would write: turned only when there is a choice.
    return UpFirstPlan.of(snapshot, snapshot.length < 2 ? 0 : Math.floorMod(rotation.getAndIncrement(), snapshot.length));
  }

  @Override
  public void onAdd(Host host) {
    lock.lock();
    try {
      hosts = HostArrays.with(hosts, host);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void onRemove(Host host) {
    lock.lock();
    try {
      hosts = HostArrays.without(hosts, host);
    } finally {
      lock.unlock();
    }
  }

  List<Host> hosts() {
    return new ArrayList<>(List.of(hosts));
  }

  @Override
  public String toString() {
    return "RoundRobinPolicy";
  }
}
