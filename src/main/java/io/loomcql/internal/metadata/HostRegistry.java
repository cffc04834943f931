package io.loomcql.internal.metadata;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every node the cluster knows, keyed by the address the driver connects to, and who wants to
 * hear when one appears, disappears or changes state (the sessions' pools).
 *
 * <p>Reads are lock-free. Changes take a lock so that a refresh and an event never interleave
 * half-way; listeners are called after the change, outside the lock, and must not block long.
 */
public final class HostRegistry {
  private static final Logger LOG = LoggerFactory.getLogger(HostRegistry.class);

  /** Told about the nodes' lifecycle. Implementations must be thread-safe. */
  public interface Listener {
    void added(DefaultHost host);

    void removed(DefaultHost host);

    /**
     * The node is said to be up (an UP event): reconnect to it now rather than on schedule.
     *
     * @return true if this listener will mark the node up itself once a connection opens
     */
    boolean upSignalled(DefaultHost host);

    /** Whether this listener holds a usable connection to the node. */
    boolean connectedTo(DefaultHost host);
  }

  private final Map<InetSocketAddress, DefaultHost> hosts = new ConcurrentHashMap<>();
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();
  private final ReentrantLock lock = new ReentrantLock();
  // Bumped by every change of the node list or of a node's tokens: the token map's cache key.
  private final AtomicLong version = new AtomicLong();

  public Collection<DefaultHost> all() {
    return hosts.values();
  }

  public DefaultHost get(InetSocketAddress address) {
    return hosts.get(address);
  }

  /** Changes whenever nodes are added, removed or re-described. */
  public long version() {
    return version.get();
  }

  public void addListener(Listener listener) {
    listeners.add(listener);
  }

  public void removeListener(Listener listener) {
    listeners.remove(listener);
  }

  /**
   * Makes the registry match a full node list: new nodes are added, known ones updated, missing
   * ones removed, and a node that kept its host id but changed address is replaced by a host at
   * the new address (its pools must move there).
   */
  public void reconcile(List<NodeInfo> nodes) {
    List<DefaultHost> added = new ArrayList<>();
    List<DefaultHost> removed = new ArrayList<>();
    lock.lock();
    try {
      Map<InetSocketAddress, NodeInfo> wanted = new java.util.LinkedHashMap<>();
      nodes.forEach(node -> wanted.put(node.address(), node));
      for (DefaultHost host : List.copyOf(hosts.values())) {
        NodeInfo node = wanted.get(host.address());
        if (node == null) {
          hosts.remove(host.address());
          removed.add(host);
        } else if (host.hostId() != null && node.hostId() != null && !host.hostId().equals(node.hostId())) {
          // Another node now answers at this address: it is a new host, not the old one.
          hosts.remove(host.address());
          removed.add(host);
        }
      }
      version.incrementAndGet();
      for (NodeInfo node : wanted.values()) {
        DefaultHost host = hosts.get(node.address());
        if (host == null) {
          host = new DefaultHost(node.address());
          host.describe(node);
          hosts.put(node.address(), host);
          added.add(host);
        } else {
          host.describe(node);
        }
      }
    } finally {
      lock.unlock();
    }
    for (DefaultHost host : removed) {
      DefaultHost moved = findById(added, host);
      if (moved != null) {
        LOG.info("Node {} moved to {}", host, moved.address());
      } else {
        LOG.info("Node {} left the cluster", host);
      }
      listeners.forEach(listener -> listener.removed(host));
    }
    for (DefaultHost host : added) {
      LOG.info("Node {} added", host);
      listeners.forEach(listener -> listener.added(host));
    }
  }

  private static DefaultHost findById(List<DefaultHost> candidates, DefaultHost host) {
    for (DefaultHost candidate : candidates) {
      if (host.hostId() != null && host.hostId().equals(candidate.hostId())) {
        return candidate;
      }
    }
    return null;
  }

  /** Adds a node by hand (cluster.addHost); returns the host, new or already known. */
  public DefaultHost add(InetSocketAddress address, String datacenter, String rack, boolean signal) {
    DefaultHost host;
    lock.lock();
    try {
      host = hosts.get(address);
      if (host != null) {
        return host;
      }
      host = new DefaultHost(address);
      host.describe(new NodeInfo(address, datacenter, rack, null, null, null, null));
      hosts.put(address, host);
      version.incrementAndGet();
    } finally {
      lock.unlock();
    }
    if (signal) {
      DefaultHost added = host;
      listeners.forEach(listener -> listener.added(added));
    }
    return host;
  }

  /** Removes a node (cluster.removeHost, or a REMOVED_NODE the refresh confirmed); true if it was known. */
  public boolean remove(DefaultHost host) {
    Objects.requireNonNull(host, "host");
    lock.lock();
    try {
      if (!hosts.remove(host.address(), host)) {
        return false;
      }
      version.incrementAndGet();
    } finally {
      lock.unlock();
    }
    listeners.forEach(listener -> listener.removed(host));
    return true;
  }

  /**
   * A DOWN event: believed only when no session holds a usable connection to the node, because
   * the node may be down for the other nodes (gossip) and still serve us.
   */
  public void downSignalled(InetSocketAddress address) {
    DefaultHost host = hosts.get(address);
    if (host == null || !host.isUp()) {
      return;
    }
    for (Listener listener : listeners) {
      if (listener.connectedTo(host)) {
        LOG.debug("Node {} is said to be down, but we hold a working connection to it; ignoring", host);
        return;
      }
    }
    host.markDown("the cluster says it is down");
  }

  /** An UP event: pools reconnect now and mark the node up when they can; with no pool, it is believed at once. */
  public void upSignalled(InetSocketAddress address) {
    DefaultHost host = hosts.get(address);
    if (host == null) {
      return;
    }
    boolean proving = false;
    for (Listener listener : listeners) {
      proving |= listener.upSignalled(host);
    }
    if (!proving) {
      host.markUp(); // no pool will connect to prove it: believe the cluster
    }
  }
}
