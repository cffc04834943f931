package io.loomcql.policy;

import io.loomcql.metadata.Host;

/** Marks a node down at its first connection failure: the reference drivers' default. */
public final class SimpleConvictionPolicy implements ConvictionPolicy {
  /** The policy; it keeps no state. */
  public SimpleConvictionPolicy() {}

  @Override
  public boolean addFailure(Host host, Throwable error) {
    return true;
  }

  @Override
  public String toString() {
    return "SimpleConvictionPolicy";
  }
}
