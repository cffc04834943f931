package io.loomcql.type;

import java.util.Locale;

/** The CQL types without parameters, with their protocol [option] ids. */
public enum NativeType implements DataType {
  /** US-ASCII text; read as {@code String}. */
  ASCII(0x0001),
  /** 64-bit signed integer; read as {@code Long}. */
  BIGINT(0x0002),
  /** Arbitrary bytes; read as a read-only {@code ByteBuffer}. */
  BLOB(0x0003),
  /** {@code true} or {@code false}; read as {@code Boolean}. */
  BOOLEAN(0x0004),
  /** 64-bit distributed counter, changed only by increments; read as {@code Long}. */
  COUNTER(0x0005),
  /** Arbitrary-precision decimal; read as {@code BigDecimal}. */
  DECIMAL(0x0006),
  /** 64-bit IEEE 754 floating point; read as {@code Double}. */
  DOUBLE(0x0007),
  /** 32-bit IEEE 754 floating point; read as {@code Float}. */
  FLOAT(0x0008),
  /** 32-bit signed integer; read as {@code Integer}. */
  INT(0x0009),
  /** An instant, in milliseconds since the epoch; read as {@code Instant}. */
  TIMESTAMP(0x000B),
  /** Any UUID; read as {@code UUID}. */
  UUID(0x000C),
  /** UTF-8 text, also called varchar (one protocol id, 0x000D); read as {@code String}. */
  TEXT(0x000D),
  /** Arbitrary-precision integer; read as {@code BigInteger}. */
  VARINT(0x000E),
  /** A version 1 (time-based) UUID; read as {@code UUID}. */
  TIMEUUID(0x000F),
  /** An IPv4 or IPv6 address; read as {@code InetAddress}. */
  INET(0x0010),
  /** A date without time zone; read as {@code LocalDate}. */
  DATE(0x0011),
  /** A time of day, in nanoseconds since midnight; read as {@code LocalTime}. */
  TIME(0x0012),
  /** 16-bit signed integer; read as {@code Short}. */
  SMALLINT(0x0013),
  /** 8-bit signed integer; read as {@code Byte}. */
  TINYINT(0x0014),
  /**
   * Months, days and nanoseconds; read as {@link CqlDuration}. An id of protocol v5; on v3 and v4
   * it travels as a custom type.
   */
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

  /**
   * The [option] id of this type in the native protocol.
   *
   * @return the id, for example {@code 0x0009} for {@code int}
   */
  public int protocolId() {
    return protocolId;
  }

  @Override
  public String asCql() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The native type with that [option] id.
   *
   * @param id an [option] id from the protocol
   * @return the type, or {@code null} if the id names no native type (a custom type, a collection,
   *     a tuple or a UDT)
   */
  public static NativeType fromProtocolId(int id) {
    return id >= 0 && id < BY_ID.length ? BY_ID[id] : null;
  }
}
