package io.loomcql.type;

import java.util.Locale;

/** The CQL types without parameters, with their protocol [option] ids. */
public enum NativeType implements DataType {
  ASCII(0x0001),
  BIGINT(0x0002),
  BLOB(0x0003),
  BOOLEAN(0x0004),
  COUNTER(0x0005),
  DECIMAL(0x0006),
  DOUBLE(0x0007),
  FLOAT(0x0008),
  INT(0x0009),
  TIMESTAMP(0x000B),
  UUID(0x000C),
  /** Also called varchar; the protocol's id 0x000D. */
  TEXT(0x000D),
  VARINT(0x000E),
  TIMEUUID(0x000F),
  INET(0x0010),
  DATE(0x0011),
  TIME(0x0012),
  SMALLINT(0x0013),
  TINYINT(0x0014),
  /** Protocol v5 id; on v3 and v4 it travels as a custom type. */
  DURATION(0x0015);

  private static final NativeType[] BY_ID = new NativeType[0x0016];

  static {
    for (NativeType type : values()) {
      BY_ID[type.protocolId] = type;
    }
  }

  private final int protocolId;

  NativeType(int protocolId) {
    this.protocolId = protocolId;
  }

  /** The [option] id of this type in the native protocol. */
  public int protocolId() {
    return protocolId;
  }

  @Override
  public String asCql() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The native type with that [option] id, or null if the id is not a native type. */
  public static NativeType fromProtocolId(int id) {
    return id >= 0 && id < BY_ID.length ? BY_ID[id] : null;
  }
}
