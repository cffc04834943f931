package io.loomcql;

/** Consistency levels with their protocol codes (native protocol section 3, [consistency]). */
public enum ConsistencyLevel {
  ANY(0x0000),
  ONE(0x0001),
  TWO(0x0002),
  THREE(0x0003),
  QUORUM(0x0004),
  ALL(0x0005),
  LOCAL_QUORUM(0x0006),
  EACH_QUORUM(0x0007),
  SERIAL(0x0008),
  LOCAL_SERIAL(0x0009),
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

  /** The [short] the protocol uses for this level. */
  public int code() {
    return code;
  }

  /** Whether this is a serial level, valid only for the Paxos phase of conditional updates. */
  public boolean isSerial() {
    return this == SERIAL || this == LOCAL_SERIAL;
  }

  /** The level with the given protocol code, or null if the code is not one. */
  public static ConsistencyLevel fromCode(int code) {
    return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
  }
}
