package io.loomcql.policy;

import io.loomcql.metadata.Host;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Predicate;

/** Another plan without the hosts a predicate rejects, read one host ahead and no further. */
final class FilteredPlan implements Iterator<Host> {
  private final Iterator<Host> plan;
  private final Predicate<Host> accepted;
  private Host next;

  FilteredPlan(Iterator<Host> plan, Predicate<Host> accepted) {
    this.plan = plan;
    this.accepted = accepted;
  }

  @Override
  public boolean hasNext() {
    while (next == null && plan.hasNext()) {
      Host candidate = plan.next();
      if (accepted.test(candidate)) {
        next = candidate;
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
