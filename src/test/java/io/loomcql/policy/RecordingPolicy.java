package io.loomcql.policy;

import io.loomcql.Statement;
import io.loomcql.metadata.Host;
import io.loomcql.metadata.Metadata;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A child policy for wrapper tests: its plan is a fixed list, its distance is LOCAL, and it
 * writes down every call it gets so a test can check what its wrapper forwarded, and counts the
 * hosts read from its plans so a test can check that a wrapper reads no further than it must.
 */
final class RecordingPolicy implements LoadBalancingPolicy {
  final List<String> calls = new CopyOnWriteArrayList<>();
  final AtomicInteger read = new AtomicInteger();
  final AtomicInteger plans = new AtomicInteger();
  volatile List<Host> initHosts = List.of();
  volatile Collection<Host> initContacts = List.of();
  private volatile List<Host> plan;

  RecordingPolicy(List<? extends Host> plan) {
    this.plan = List.copyOf(plan);
  }

  void plan(List<? extends Host> hosts) {
    this.plan = List.copyOf(hosts);
  }

  @Override
  public void init(Metadata metadata, Collection<Host> contactPoints) {
    initHosts = List.copyOf(metadata.allHosts());
    initContacts = List.copyOf(contactPoints);
    calls.add("init");
  }

  @Override
  public HostDistance distance(Host host) {
    calls.add("distance " + host.address());
    return HostDistance.LOCAL;
  }

  @Override
  public Iterator<Host> newQueryPlan(String keyspace, Statement<?> statement) {
    plans.incrementAndGet();
    Iterator<Host> hosts = plan.iterator();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return hosts.hasNext();
      }

      @Override
      public Host next() {
        Host host = hosts.next();
        read.incrementAndGet();
        return host;
      }
    };
  }

  @Override
  public void onAdd(Host host) {
    calls.add("add " + host.address());
  }

  @Override
  public void onRemove(Host host) {
    calls.add("remove " + host.address());
  }

  @Override
  public void onRequestCompleted(Host coordinator, long latencyNanos, Throwable error) {
    String outcome = error == null ? "ok" : error.getMessage();
    calls.add("completed " + coordinator.address() + " " + latencyNanos + " " + outcome);
  }
}
