package io.loomcql.policy;

import io.loomcql.metadata.Host;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A round-robin walk over a fixed array from a rotating start: nodes believed up in a first
 * pass, the others in a second. Lazy and small: no list is built per request.
 */
final class UpFirstPlan implements Iterator<Host> {
  private final Host[] hosts;
  private final int start;
  private int position; // 0..n-1: the up pass, n..2n-1: the down pass; at the next node once hasNext() said so

  UpFirstPlan(Host[] hosts, int start) {
    this.hosts = hosts;
    this.start = start;
  }

  @Override
  public boolean hasNext() {
    int n = hosts.length;
    while (position < 2 * n) {
      if (hosts[(start + position) % n].isUp() == (position < n)) {
        return true;
      }
      position++;
    }
    return false;
  }

  @Override
  public Host next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return hosts[(start + position++) % hosts.length];
  }
}
