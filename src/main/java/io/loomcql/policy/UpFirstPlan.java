package io.loomcql.policy;

import io.loomcql.metadata.Host;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A round-robin walk over a fixed array from a rotating start: nodes believed up in a first
 * pass, the others in a second. Lazy and small: no list is built per request.
 *
 * <p>Each node comes at most once: the second pass skips the nodes the first pass gave out, even
 * if they went down meanwhile. Without that, a node whose connection broke under the request it
 * was serving (and which is marked down at once) came back in the second pass, and the retry meant
 * for another node went to it again.
 */
abstract sealed class UpFirstPlan implements Iterator<Host> permits UpFirstPlan.Narrow, UpFirstPlan.Wide {
  private final Host[] hosts;
  private final int start;
  private int position; // 0..n-1: the up pass, n..2n-1: the down pass; at the next node once hasNext() said so

  /** A plan over {@code hosts} from offset {@code start}; 32 bytes for up to 64 nodes (one per request). */
  static UpFirstPlan of(Host[] hosts, int start) {
    return hosts.length <= 64 ? new Narrow(hosts, start) : new Wide(hosts, start);
  }

  private UpFirstPlan(Host[] hosts, int start) {
    this.hosts = hosts;
    this.start = start;
  }

  @Override
  public boolean hasNext() {
    int n = hosts.length;
    while (position < 2 * n) {
      boolean upPass = position < n;
      int offset = upPass ? position : position - n;
      if (upPass ? hosts[(start + offset) % n].isUp() : !wasGivenOut(offset)) {
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
    if (position < hosts.length) {
      markGivenOut(position);
    }
    return hosts[(start + position++) % hosts.length];
  }

  /** Whether the up pass gave out the node at {@code offset} from the start. */
  abstract boolean wasGivenOut(int offset);

  abstract void markGivenOut(int offset);

  /** Up to 64 nodes: the given-out set is one word. */
  static final class Narrow extends UpFirstPlan {
    private long givenOut; // bit i: the node at offset i

    Narrow(Host[] hosts, int start) {
      super(hosts, start);
    }

    @Override
    boolean wasGivenOut(int offset) {
      return (givenOut & (1L << offset)) != 0;
    }

    @Override
    void markGivenOut(int offset) {
      givenOut |= 1L << offset;
    }
  }

  /** More than 64 nodes: the given-out set is an array of words. */
  static final class Wide extends UpFirstPlan {
    private final long[] givenOut;

    Wide(Host[] hosts, int start) {
      super(hosts, start);
      givenOut = new long[(hosts.length + 63) >>> 6];
    }

    @Override
    boolean wasGivenOut(int offset) {
      return (givenOut[offset >>> 6] & (1L << offset)) != 0;
    }

    @Override
    void markGivenOut(int offset) {
      givenOut[offset >>> 6] |= 1L << offset;
    }
  }
}
