package io.loomcql.policy;

import io.loomcql.metadata.Host;
import java.util.Iterator;
import java.util.NoSuchElementException;

/** One plan, then another. */
final class ConcatPlan implements Iterator<Host> {
  private final Iterator<Host> first;
  private final Iterator<Host> second;

  ConcatPlan(Iterator<Host> first, Iterator<Host> second) {
    this.first = first;
    this.second = second;
  }

  @Override
  public boolean hasNext() {
    return first.hasNext() || second.hasNext();
  }

  @Override
  public Host next() {
    if (first.hasNext()) {
      return first.next();
    }
    if (second.hasNext()) {
      return second.next();
    }
    throw new NoSuchElementException();
  }
}
