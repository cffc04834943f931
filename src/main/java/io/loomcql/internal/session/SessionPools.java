package io.loomcql.internal.session;

import io.loomcql.error.CoordinatorException;
import io.loomcql.error.NoHostAvailableException;
import io.loomcql.internal.connection.ConnectionConfig;
import io.loomcql.internal.metadata.DefaultHost;
import io.loomcql.internal.pool.DefaultHostConnectionPool;
import io.loomcql.internal.pool.HostPool;
import io.loomcql.metadata.Host;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** A session's pools, one per node, and the query plans over them. Thread-safe; fixed after creation. */
final class SessionPools {
  /** A node with its pool and the pool's public view. */
  record Entry(DefaultHost host, HostPool pool, DefaultHostConnectionPool view) {}

  private final List<Entry> entries;
  private final AtomicInteger rotation = new AtomicInteger();

  SessionPools(List<DefaultHost> hosts, ConnectionConfig connection, DriverConfig config, Supplier<String> keyspace) {
    List<Entry> list = new ArrayList<>(hosts.size());
    for (DefaultHost host : hosts) {
      HostPool pool = new HostPool(host.address(), connection, config.connectionsPerHost(), config.requestTimeout(),
          keyspace, config.reconnection(), host::up);
      list.add(new Entry(host, pool, new DefaultHostConnectionPool(host, pool)));
    }
    this.entries = List.copyOf(list);
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
        entry.host().up(false);
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
  }

  QueryPlan plan() {
    return new QueryPlan(entries, Math.floorMod(rotation.getAndIncrement(), entries.size()));
  }

  List<Entry> entries() {
    return entries;
  }

  List<HostPool> pools() {
    return entries.stream().map(Entry::pool).toList();
  }

  void switchKeyspace(String keyspace, long deadlineNanos) {
    for (Entry entry : entries) {
      entry.pool().switchKeyspace(keyspace, deadlineNanos);
    }
  }
}
