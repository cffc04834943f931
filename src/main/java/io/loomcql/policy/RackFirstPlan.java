package io.loomcql.policy;

import io.loomcql.metadata.Host;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A round-robin walk over two fixed arrays, each from its own rotating start: nodes believed up in
 * the preferred array, then those up in the other, then the down ones of both. One object per plan,
 * no list: the rack-aware counterpart of {@link UpFirstPlan}.
 */
final class RackFirstPlan implements Iterator<Host> {
  private final Host[] preferred;
  private final Host[] others;
  private final int turn;
  private int pass; // 0: preferred up, 1: others up, 2: preferred down, 3: others down
  private int position;
  private Host next;

  RackFirstPlan(Host[] preferred, Host[] others, int turn) {
    this.preferred = preferred;
    this.others = others;
    this.turn = turn;
  }

  @Override
  public boolean hasNext() {
    while (next == null && pass < 4) {
      Host[] hosts = pass % 2 == 0 ? preferred : others;
      if (position >= hosts.length) {
        pass++;
        position = 0;
        continue;
      }
      Host host = hosts[Math.floorMod(turn + position, hosts.length)];
      position++;
      if (host.isUp() == (pass < 2)) {
        next = host;
      }
    }
    return next != null;
  }

  @Override
  public Host next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Host host = next;
    next = null;
    return host;
  }
}
