package io.loomcql.policy;

import io.loomcql.metadata.Host;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Predicate;

/**
 * Another plan with the hosts a predicate calls slow moved to its end, in their original order.
 * Lazy: reads one host ahead, and holds only the slow hosts met so far (no array at all if none).
 */
final class PushBackPlan implements Iterator<Host> {
  private final Iterator<Host> plan;
  private final Predicate<Host> slow;
  private Host[] pushedBack;
  private int pushedCount;
  private int replayed;
  private Host next;

  PushBackPlan(Iterator<Host> plan, Predicate<Host> slow) {
    this.plan = plan;
    this.slow = slow;
  }

  @Override
  public boolean hasNext() {
    if (next != null) {
      return true;
    }
    while (plan.hasNext()) {
      Host candidate = plan.next();
      if (!slow.test(candidate)) {
        next = candidate;
        return true;
      }
      pushBack(candidate);
    }
    if (replayed < pushedCount) {
      next = pushedBack[replayed];
      pushedBack[replayed++] = null;
      return true;
    }
    return false;
  }

  private void pushBack(Host host) {
    if (pushedBack == null) {
      pushedBack = new Host[4];
    } else if (pushedCount == pushedBack.length) {
      pushedBack = Arrays.copyOf(pushedBack, pushedCount * 2);
    }
    pushedBack[pushedCount++] = host;
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
