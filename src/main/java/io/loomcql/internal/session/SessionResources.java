package io.loomcql.internal.session;

import io.loomcql.internal.metadata.HostRegistry;
import java.lang.ref.Cleaner;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What must be released when a session ends: its pools, and its place among the registry's
 * listeners. Kept apart from the session object (it references neither the session nor the
 * cluster) so that a {@link Cleaner} can release it when a session or cluster becomes unreachable
 * without being closed. Thread-safe; closing is idempotent.
 */
public final class SessionResources implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(SessionResources.class);

  private final SessionPools pools;
  private final HostRegistry registry;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final String description;

  SessionResources(SessionPools pools, HostRegistry registry, String description) {
    this.pools = pools;
    this.registry = registry;
    this.description = description;
  }

  public boolean isClosed() {
    return closed.get();
  }

  /** Closes the pools; true the first time. */
  public boolean close() {
    if (closed.compareAndSet(false, true)) {
      registry.removeListener(pools);
      pools.close();
      return true;
    }
    return false;
  }

  /** The Cleaner's action: the owner was dropped without close(). */
  @Override
  public void run() {
    if (close()) {
      LOG.warn("A session ({}) was never closed and became unreachable; its connections are closed now."
          + " Close sessions and clusters (try-with-resources) to release them at once.", description);
    }
  }
}
