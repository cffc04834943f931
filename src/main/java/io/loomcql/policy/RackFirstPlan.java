package io.loomcql.policy;

import io.loomcql.metadata.Host;
import java.util.BitSet;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A round-robin walk over two fixed arrays, each from its own rotating start: nodes believed up in
 * the preferred array, then those up in the other, then the rest of both. One object per plan,
 * no list: the rack-aware counterpart of {@link UpFirstPlan}, and like it each node comes at most
 * once (the last passes skip what the first ones gave out, even if it went down meanwhile).
 */
final class RackFirstPlan implements Iterator<Host> {
  private final Host[] preferred;
  private final Host[] others;
  private final int turn;
  private int pass; // 0: preferred up, 1: others up, 2: preferred down, 3: others down
  private int position;
  private Host next;
  private long givenOut; // bit i: offset i of the preferred array (i < 32) or of the others (32 + i)
  private final BitSet givenOutBeyond; // for arrays of more than 32 nodes: offset + array * length

  RackFirstPlan(Host[] preferred, Host[] others, int turn) {
    this.preferred = preferred;
    this.others = others;
    this.turn = turn;
    this.givenOutBeyond = Math.max(preferred.length, others.length) > 32 ? new BitSet() : null;
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
      int offset = position++;
      if (pass < 2 ? host.isUp() : !wasGivenOut(pass % 2, offset)) {
        if (pass < 2) {
          markGivenOut(pass, offset);
        }
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

  private boolean wasGivenOut(int array, int offset) {
    return givenOutBeyond != null
        ? givenOutBeyond.get(array * Math.max(preferred.length, others.length) + offset)
        : (givenOut & (1L << (array * 32 + offset))) != 0;
  }

  private void markGivenOut(int array, int offset) {
    if (givenOutBeyond != null) {
      givenOutBeyond.set(array * Math.max(preferred.length, others.length) + offset);
    } else {
      givenOut |= 1L << (array * 32 + offset);
    }
  }
}
