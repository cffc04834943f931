package io.loomcql.internal.session;

import io.loomcql.error.CoordinatorException;
import io.loomcql.error.NoHostAvailableException;
import io.loomcql.internal.connection.ConnectionConfig;
import io.loomcql.internal.metadata.DefaultHost;
import io.loomcql.internal.metadata.HostRegistry;
import io.loomcql.internal.pool.DefaultHostConnectionPool;
import io.loomcql.internal.pool.HostPool;
import io.loomcql.metadata.Host;
import io.loomcql.policy.ConvictionPolicy;
import io.loomcql.policy.HostDistance;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A session's pools, one per node, and the query plans over them. Nodes come and go as the
 * cluster's registry says; each request reads one immutable snapshot of the list. Thread-safe.
 */
final class SessionPools implements HostRegistry.Listener {
  /**
   * A node with its pool and the pool's public view.
   *
   * @param voidResult the result of every write this node answers at the first attempt with a bare
   *     Void result (immutable, shared)
   */
  record Entry(DefaultHost host, HostPool pool, DefaultHostConnectionPool view, VoidResultSet voidResult) {}

  private final ConnectionConfig connection;
  private final DriverConfig config;
  private final Supplier<String> keyspace;
  private final ConvictionPolicy conviction;
  private final ReentrantLock lock = new ReentrantLock(); // serializes changes to the list
  private volatile List<Entry> entries;
  private volatile Map<Host, Entry> byHost; // hosts are compared by identity: one object per node
  private volatile boolean closed;
  private volatile Consumer<Entry> backUp;

  SessionPools(
      List<DefaultHost> hosts, ConnectionConfig connection, DriverConfig config, Supplier<String> keyspace) {
    this.connection = connection;
    this.config = config;
    this.keyspace = keyspace;
    this.conviction = config.conviction();
    List<Entry> list = new ArrayList<>(hosts.size());
    for (DefaultHost host : hosts) {
      if (config.loadBalancing().distance(host) != HostDistance.IGNORED) {
        list.add(newEntry(host));
      }
    }
    publish(list);
  }

  private void publish(List<Entry> list) {
    Map<Host, Entry> index = new IdentityHashMap<>();
    list.forEach(entry -> index.put(entry.host(), entry));
    this.byHost = index;
    this.entries = List.copyOf(list);
  }

  /** Called, on the pool's thread, when a node that was down has a connection again. */
  void onBackUp(Consumer<Entry> listener) {
    this.backUp = listener;
  }

  /** The pool of {@code host}, or null if the session keeps none (ignored or unknown node). */
  Entry entry(Host host) {
    return byHost.get(host);
  }

  private Entry newEntry(DefaultHost host) {
    HostPool pool = new HostPool(host.address(), connection, config.connectionsPerHost(), config.requestTimeout(),
        keyspace, config.reconnection(), new HostPool.Health() {
          @Override
          public void reachable() {
            conviction.reset(host);
            boolean wasDown = !host.isUp();
            host.markUp();
            Consumer<Entry> listener = backUp;
            Entry entry = byHost.get(host);
            if (wasDown && listener != null && entry != null) {
              listener.accept(entry);
            }
          }

          @Override
          public void unreachable(RuntimeException error) {
            if (conviction.addFailure(host, error)) {
              host.markDown(error.getMessage());
            }
          }
        });
    return new Entry(host, pool, new DefaultHostConnectionPool(host, pool), new VoidResultSet(host));
  }

  /**
   * Opens the pool of {@code first} (the node the control connection reached) now, or of the
   * next node that answers, and the others in the background.
   */
  void open(InetSocketAddress first) {
    List<Entry> order = new ArrayList<>(entries);
    order.sort((a, b) -> Boolean.compare(!a.host().address().equals(first), !b.host().address().equals(first)));
    Map<Host, Throwable> errors = new LinkedHashMap<>();
    Entry opened = null;
    for (Entry entry : order) {
      try {
        entry.pool().open();
        opened = entry;
        break;
      } catch (CoordinatorException e) {
        throw e; // the node refused the session itself (keyspace, authentication): so would the others
      } catch (RuntimeException e) {
        errors.put(entry.host(), e);
        entry.pool().openInBackground(); // keeps trying on the reconnection schedule
      }
    }
    if (opened == null) {
      throw new NoHostAvailableException("no node accepted a connection", errors);
    }
    for (Entry entry : order) {
      if (entry != opened && !errors.containsKey(entry.host())) {
        entry.pool().openInBackground();
      }
    }
    // As the reference drivers do, the session is ready once every node had its first chance to
    // connect (in parallel, bounded by the connect timeout): the first requests then find pools
    // open instead of being sent past nodes that are still connecting.
    long deadline = System.nanoTime() + connection.connectTimeout().toNanos();
    for (Entry entry : order) {
      if (entry != opened && !entry.pool().awaitFirstAttempt(deadline)) {
        break;
      }
    }
  }

  List<Entry> entries() {
    return entries;
  }

  void switchKeyspace(String keyspace, long deadlineNanos) {
    for (Entry entry : entries) {
      entry.pool().switchKeyspace(keyspace, deadlineNanos);
    }
  }

  @Override
  public void added(DefaultHost host) {
    Entry entry;
    lock.lock();
    try {
      if (closed || byHost.containsKey(host) || config.loadBalancing().distance(host) == HostDistance.IGNORED) {
        return;
      }
      entry = newEntry(host);
      List<Entry> list = new ArrayList<>(entries);
      list.add(entry);
      publish(list);
    } finally {
      lock.unlock();
    }
    entry.pool().openInBackground();
  }

  @Override
  public void removed(DefaultHost host) {
    Entry gone = null;
    lock.lock();
    try {
      List<Entry> list = new ArrayList<>(entries.size());
      for (Entry entry : entries) {
        if (entry.host() == host) {
          gone = entry;
        } else {
          list.add(entry);
        }
      }
      publish(list);
    } finally {
      lock.unlock();
    }
    if (gone != null) {
      gone.pool().close(); // requests already on its connections fail over to the next node
    }
  }

  @Override
  public boolean upSignalled(DefaultHost host) {
    Entry entry = byHost.get(host);
    if (entry == null) {
      return false;
    }
    entry.pool().reconnectNow();
    return true;
  }

  @Override
  public boolean connectedTo(DefaultHost host) {
    Entry entry = byHost.get(host);
    return entry != null && entry.pool().hasUsableConnection();
  }

  /** Catches up with nodes added or removed between this object's creation and its registration. */
  void sync(java.util.Collection<DefaultHost> current) {
    for (DefaultHost host : current) {
      added(host);
    }
    for (Entry entry : entries) {
      if (!current.contains(entry.host())) {
        removed(entry.host());
      }
    }
  }

  /** Closes every pool; a node added afterwards gets none. */
  void close() {
    List<Entry> all;
    lock.lock();
    try {
      closed = true;
      all = entries;
    } finally {
      lock.unlock();
    }
    all.forEach(entry -> entry.pool().close());
  }
}
