package io.loomcql;

/**
 * Native protocol versions. The driver speaks v3, v4 and v5; v1 and v2 exist only so that
 * asking for them fails clearly at {@code build()}: no Cassandra since 3.0 speaks them.
 */
public enum ProtocolVersion {
  /** Refused by {@code Cluster.Builder.build()}. */
  V1(1),
  /** Refused by {@code Cluster.Builder.build()}. */
  V2(2),
  /** Cassandra 2.1 and later. */
  V3(3),
  /** Cassandra 2.2 and later: adds unset values, server warnings and custom payloads. */
  V4(4),
  /**
   * Cassandra 4.0 and later: framing in checksummed segments, per-statement keyspace and {@code
   * now_in_seconds}.
   */
  V5(5);

  private final int code;

  ProtocolVersion(int code) {
    this.code = code;
  }

  /** {@return the version number as written in the low 7 bits of a frame's first byte} */
  public int code() {
    return code;
  }

  /**
   * The version with that number.
   *
   * @param code a version number, for example 4
   * @return the version, or null if the driver does not speak it (v1 and v2 included)
   */
  public static ProtocolVersion fromCode(int code) {
    return switch (code) { // not values(): that clones the array, and this runs for every response
      case 3 -> V3;
      case 4 -> V4;
      case 5 -> V5;
      default -> null;
    };
  }

  /** {@return whether the driver speaks this version: true from v3 on} */
  public boolean isSupported() {
    return code >= 3;
  }
}
