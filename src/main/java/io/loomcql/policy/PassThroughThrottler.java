package io.loomcql.policy;

/** The throttler that never makes anyone wait. */
final class PassThroughThrottler implements RequestThrottler {
  static final PassThroughThrottler INSTANCE = new PassThroughThrottler();

  @Override
  public boolean acquire(long timeoutNanos) {
    return true;
  }

  @Override
  public void release() {}

  @Override
  public String toString() {
    return "no throttling";
  }
}
