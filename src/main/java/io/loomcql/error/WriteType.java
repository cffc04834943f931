package io.loomcql.error;

/** The kind of write named by a write timeout or write failure; UNKNOWN for names newer than us. */
public enum WriteType {
  SIMPLE,
  BATCH,
  UNLOGGED_BATCH,
  COUNTER,
  BATCH_LOG,
  CAS,
  VIEW,
  CDC,
  UNKNOWN;

  /** Maps the protocol's string, keeping unknown values representable rather than failing. */
  public static WriteType fromProtocol(String name) {
    for (WriteType type : values()) {
      if (type.name().equals(name)) {
        return type;
      }
    }
    return UNKNOWN;
  }
}
