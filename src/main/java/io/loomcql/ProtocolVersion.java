package io.loomcql;

/**
 * Native protocol versions the driver speaks. v1 and v2 are not listed: no Cassandra since 3.0
 * speaks them.
 */
public enum ProtocolVersion {
  V3(3),
  V4(4),
  V5(5);

  private final int code;

  ProtocolVersion(int code) {
    this.code = code;
  }

  /** The version number as written in the low 7 bits of a frame's first byte. */
  public int code() {
    return code;
  }

  /** The version with that number, or null if the driver does not speak it. */
  public static ProtocolVersion fromCode(int code) {
    for (ProtocolVersion version : values()) {
      if (version.code == code) {
        return version;
      }
    }
    return null;
  }
}
