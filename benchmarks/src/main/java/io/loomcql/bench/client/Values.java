package io.loomcql.bench.client;

import io.loomcql.bench.Workload;

/** The values every client binds for a key: the same boxed bigints, in the same Object[]. */
final class Values {
  private Values() {}

  static Object[] of(Workload workload, long key) {
    return workload.boundValues == 1 ? new Object[] {key} : new Object[] {key, key + 1, key + 2};
  }
}
