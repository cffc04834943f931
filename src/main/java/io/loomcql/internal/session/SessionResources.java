package io.loomcql.internal.session;

import io.loomcql.internal.pool.HostPool;
import java.lang.ref.Cleaner;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What must be released when a session ends: its pools. Kept apart from the session object (it
 * references neither the session nor the cluster) so that a {@link Cleaner} can release it when a
 * session or cluster becomes unreachable without being closed. Thread-safe; closing is idempotent.
 */
public final class SessionResources implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(SessionResources.class);

  private final List<HostPool> pools;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final String description;

  SessionResources(List<HostPool> pools, String description) {
    this.pools = List.copyOf(pools);
    this.description = description;
  }

  public boolean isClosed() {
    return closed.get();
  }

  /** Closes the pool; true the first time. */
  public boolean close() {
    if (closed.compareAndSet(false, true)) {
      pools.forEach(HostPool::close);
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
