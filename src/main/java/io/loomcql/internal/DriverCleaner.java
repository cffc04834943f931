package io.loomcql.internal;

import java.lang.ref.Cleaner;

/**
 * The one {@link Cleaner} of the driver: closes sessions and clusters that became unreachable
 * without close(). Its daemon thread starts with the first cluster built, one per JVM.
 */
public final class DriverCleaner {
  private DriverCleaner() {}

  private static final class Holder {
    static final Cleaner CLEANER = Cleaner.create(runnable -> {
      Thread thread = new Thread(runnable, "loomcql-cleaner");
      thread.setDaemon(true);
      return thread;
    });
  }

  public static Cleaner.Cleanable register(Object owner, Runnable action) {
    return Holder.CLEANER.register(owner, action);
  }
}
