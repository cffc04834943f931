package io.loomcql.bench.client;

import io.loomcql.bench.Workload;
import java.util.concurrent.CompletionStage;

/**
 * One client under test, driven the same way for all: {@link #prepare} once, then operations
 * that bind the workload's bigint values from a key, execute, and consume every cell of every
 * row of the result (summed into a checksum so that nothing is optimised away).
 *
 * <p>Implementations are shared by all caller threads and must be thread-safe.
 */
public interface BenchClient extends AutoCloseable {
  /** Prepares the workload's statement; called once, before any operation. */
  void prepare(Workload workload);

  /** One operation, blocking the calling (virtual) thread until its result is consumed. */
  long execute(long key) throws Exception;

  /** One operation without blocking; the stage completes once its result is consumed. */
  CompletionStage<Long> executeAsync(long key);

  /** Platform threads the client started, for the footprint figure (best effort). */
  @Override
  void close();
}
