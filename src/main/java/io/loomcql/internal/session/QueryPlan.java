package io.loomcql.internal.session;

import java.util.List;

/**
 * The order in which one request tries the nodes: round robin from a rotating start, nodes
 * believed up first, then the others (their pools fail fast while they reconnect). Lazy: one
 * small object per request, no list of hosts built. Used by one request's thread only.
 */
final class QueryPlan {
  private final List<SessionPools.Entry> entries;
  private final int start;
  private int position; // 0..n-1: the up pass, n..2n-1: the down pass

  QueryPlan(List<SessionPools.Entry> entries, int start) {
    this.entries = entries;
    this.start = start;
  }

  /** The next node to try, or null when every node was offered. */
  SessionPools.Entry next() {
    int n = entries.size();
    while (position < 2 * n) {
      boolean upPass = position < n;
      SessionPools.Entry entry = entries.get((start + position) % n);
      position++;
      if (entry.host().isUp() == upPass) {
        return entry;
      }
    }
    return null;
  }
}
