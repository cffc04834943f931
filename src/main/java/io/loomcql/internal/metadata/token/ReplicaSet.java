package io.loomcql.internal.metadata.token;

import io.loomcql.metadata.Host;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * An immutable set of replicas that iterates in the order given (primary replica first, then ring
 * order). Backed by a small array: replica sets hold a handful of nodes, so a linear
 * {@link #contains} beats hashing, and thousands of them stay cheap. Thread-safe.
 */
final class ReplicaSet extends AbstractSet<Host> {
  static final ReplicaSet EMPTY = new ReplicaSet(new Host[0]);

  private final Host[] hosts;

  /** Takes ownership of {@code hosts}, which must be distinct and must not change afterwards. */
  ReplicaSet(Host[] hosts) {
    this.hosts = hosts;
  }

  @Override
  public int size() {
    return hosts.length;
  }

  @Override
  public boolean contains(Object o) {
    for (Host host : hosts) {
      if (host.equals(o)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public Iterator<Host> iterator() {
    return new Iterator<>() {
      private int next;

      @Override
      public boolean hasNext() {
        return next < hosts.length;
      }

      @Override
      public Host next() {
        if (next >= hosts.length) {
          throw new NoSuchElementException();
        }
        return hosts[next++];
      }
    };
  }
}
