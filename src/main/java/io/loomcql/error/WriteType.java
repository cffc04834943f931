package io.loomcql.error;

/** The kind of write named by a write timeout or write failure; UNKNOWN for names newer than us. */
public enum WriteType {
  /** A write to one partition, outside a batch, not to a counter. */
  SIMPLE,
  /** A logged batch: the batch log was written, so the whole batch will be applied eventually. */
  BATCH,
  /** An unlogged batch: some of its statements may have been applied and others not. */
  UNLOGGED_BATCH,
  /** A counter update, batched or not: not idempotent, a retry may count twice. */
  COUNTER,
  /** The write to the batch log itself, before a logged batch is applied: nothing was applied. */
  BATCH_LOG,
  /** A lightweight transaction ({@code IF ...}), the Paxos write of a compare-and-set. */
  CAS,
  /** A write to a table with materialized views, which timed out taking the view lock. */
  VIEW,
  /** A write to a CDC table, refused because the CDC space on disk is full. */
  CDC,
  /** A name this driver does not know, from a newer server. */
  UNKNOWN;

  /**
   * Maps the protocol's string, keeping unknown values representable rather than failing.
   *
   * @param name the write type as the server sent it, for example {@code "BATCH_LOG"}
   * @return the matching constant, or {@link #UNKNOWN} if none matches (including {@code null})
   */
  public static WriteType fromProtocol(String name) {
    for (WriteType type : values()) {
      if (type.name().equals(name)) {
        return type;
      }
    }
    return UNKNOWN;
  }
}
