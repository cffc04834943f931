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
final class UpFirstPlan implements Iterator<Host> {
  private final Host[] hosts;
  private final int start;
  private int position; // 0..n-1: the up pass, n..2n-1: the down pass; at the next node once hasNext() said so
  private long givenOut; // bit i: the up pass gave out the node at offset i (the first 64 offsets)
  private final long[] givenOutBeyond; // the same for offsets 64 and up; null for up to 64 nodes

  UpFirstPlan(Host[] hosts, int start) {
    this.hosts = hosts;
    this.start = start;
    this.givenOutBeyond = hosts.length > 64 ? new long[(hosts.length - 1) / 64] : null;
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

  private boolean wasGivenOut(int offset) {
    return offset < 64
        ? (givenOut & (1L << offset)) != 0
        : (givenOutBeyond[(offset - 64) >>> 6] & (1L << (offset & 63))) != 0;
  }

  private void markGivenOut(int offset) {
    if (offset < 64) {
      givenOut |= 1L << offset;
    } else {
      givenOutBeyond[(offset - 64) >>> 6] |= 1L << (offset & 63);
    }
  }
}
