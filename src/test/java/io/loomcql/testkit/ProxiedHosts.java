package io.loomcql.testkit;

import io.loomcql.Cluster;
import io.loomcql.ProtocolVersion;
import io.loomcql.Session;
import io.loomcql.Statement;
import io.loomcql.metadata.Host;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * One real node that the driver sees as several hosts, each behind its own {@link FaultProxy},
 * so that a fault on one "host" leaves another path to the same data (a retry elsewhere) on a
 * single-node test setup. The control connection goes through one more proxy that no request
 * uses ({@link FixedRoutes} ignores it), so the request proxies carry only pool connections. The
 * session has no keyspace (no USE on the wire): statements name their tables in full. Protocol
 * v4, so that {@link ProxyRule}s apply.
 */
public final class ProxiedHosts implements AutoCloseable {
  private final FaultProxy control;
  private final List<FaultProxy> proxies;
  private final Cluster cluster;
  private final Session session;
  private final List<Host> hosts = new ArrayList<>();

  private ProxiedHosts(FaultProxy control, List<FaultProxy> proxies, Cluster cluster) {
    this.control = control;
    this.proxies = proxies;
    this.cluster = cluster;
    String datacenter = cluster.metadata().allHosts().iterator().next().datacenter();
    for (FaultProxy proxy : proxies) {
      hosts.add(cluster.addHost(proxy.address(), datacenter, "rack1", false));
    }
    this.session = cluster.connect();
  }

  /**
   * @param count how many hosts (proxies) requests may use
   * @param route which of those addresses a statement tries, in order
   * @param options more cluster options
   */
  public static ProxiedHosts start(
      InetSocketAddress node,
      int count,
      BiFunction<Statement<?>, List<InetSocketAddress>, List<InetSocketAddress>> route,
      UnaryOperator<Cluster.Builder> options)
      throws IOException {
    FaultProxy control = FaultProxy.start(node);
    List<FaultProxy> proxies = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      proxies.add(FaultProxy.start(node));
    }
    List<InetSocketAddress> addresses = proxies.stream().map(FaultProxy::address).toList();
    Cluster cluster = options.apply(Cluster.builder()
            .addContactPoints(control.address())
            .withProtocolVersion(ProtocolVersion.V4)
            .withConnectionsPerHost(1)
            .withLoadBalancingPolicy(new FixedRoutes(addresses, statement -> route.apply(statement, addresses))))
        .build();
    try {
      ProxiedHosts setup = new ProxiedHosts(control, proxies, cluster);
      setup.awaitPools(Duration.ofSeconds(10));
      return setup;
    } catch (RuntimeException e) {
      cluster.close();
      proxies.forEach(FaultProxy::close);
      control.close();
      throw e;
    }
  }

  /** Waits until every host's pool has its connection open. */
  public void awaitPools(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (Host host : hosts) {
      while (session.pool(host) == null || session.pool(host).openCount() < 1) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("no open connection to " + host + " after " + timeout);
        }
        sleep();
      }
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(10);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public FaultProxy proxy(int index) {
    return proxies.get(index);
  }

  public Host host(int index) {
    return hosts.get(index);
  }

  /** The proxy of the control connection (no request goes through it). */
  public FaultProxy controlProxy() {
    return control;
  }

  public Cluster cluster() {
    return cluster;
  }

  public Session session() {
    return session;
  }

  @Override
  public void close() {
    cluster.close();
    proxies.forEach(FaultProxy::close);
    control.close();
  }
}
