package io.loomcql;

/** Consistency levels with their protocol codes (native protocol section 3, [consistency]). */
public enum ConsistencyLevel {
  /** A write succeeds once any node has it, even as a hint for a down replica. Writes only. */
  ANY(0x0000),
  /** One replica. */
  ONE(0x0001),
  /** Two replicas. */
  TWO(0x0002),
  /** Three replicas. */
  THREE(0x0003),
  /** A majority of all the replicas, counted across datacenters. */
  QUORUM(0x0004),
  /** Every replica: fails if one is down. */
  ALL(0x0005),
  /** A majority of the replicas in the coordinator's datacenter. */
  LOCAL_QUORUM(0x0006),
  /** A majority of the replicas in each datacenter. */
  EACH_QUORUM(0x0007),
  /** The Paxos phase of a lightweight transaction, over all datacenters. */
  SERIAL(0x0008),
  /** The Paxos phase of a lightweight transaction, within the coordinator's datacenter. */
  LOCAL_SERIAL(0x0009),
  /** One replica in the coordinator's datacenter; the driver's default. */
  LOCAL_ONE(0x000A);

  private static final ConsistencyLevel[] BY_CODE = new ConsistencyLevel[0x000B];

  static {
    for (ConsistencyLevel level : values()) {
      BY_CODE[level.code] = level;
    }
  }

  private final int code;

  ConsistencyLevel(int code) {
    this.code = code;
  }

  /** {@return the [short] the protocol uses for this level, for example 0x0006 for LOCAL_QUORUM} */
  public int code() {
    return code;
  }

  /**
   * Whether this is a serial level, valid only for the Paxos phase of conditional updates.
   *
   * @return {@code true} for {@link #SERIAL} and {@link #LOCAL_SERIAL}
   */
  public boolean isSerial() {
    return this == SERIAL || this == LOCAL_SERIAL;
  }

  /**
   * The level with the given protocol code.
   *
   * @param code a [consistency] value read from the protocol
   * @return the level, or null if the code is not one
   */
  public static ConsistencyLevel fromCode(int code) {
    return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
  }
}
