package io.loomcql.internal.codec;

import io.loomcql.error.ProtocolError;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/**
 * Reads and writes the fixed serialization formats of the native types (v4 section 6). Reads
 * take the cell's bytes (position to limit) and do not move the buffer; a cell whose size does
 * not fit its type is a {@link ProtocolError}.
 */
public final class NativeValues {
  /** The date type counts days with the epoch at 2^31, as an unsigned 32-bit integer. */
  private static final long DATE_EPOCH_OFFSET = 1L << 31;

  private NativeValues() {}

  public static int readInt(ByteBuffer cell) {
    checkSize(cell, 4, "int");
    return cell.getInt(cell.position());
  }

  public static long readLong(ByteBuffer cell) {
    checkSize(cell, 8, "bigint");
    return cell.getLong(cell.position());
  }

  public static short readShort(ByteBuffer cell) {
    checkSize(cell, 2, "smallint");
    return cell.getShort(cell.position());
  }

  public static byte readByte(ByteBuffer cell) {
    checkSize(cell, 1, "tinyint");
    return cell.get(cell.position());
  }

  public static boolean readBoolean(ByteBuffer cell) {
    checkSize(cell, 1, "boolean");
    return cell.get(cell.position()) != 0;
  }

  public static double readDouble(ByteBuffer cell) {
    checkSize(cell, 8, "double");
    return cell.getDouble(cell.position());
  }

  public static float readFloat(ByteBuffer cell) {
    checkSize(cell, 4, "float");
    return cell.getFloat(cell.position());
  }

  public static String readText(ByteBuffer cell) {
    if (cell.hasArray()) {
      return new String(cell.array(), cell.arrayOffset() + cell.position(), cell.remaining(), StandardCharsets.UTF_8);
    }
    byte[] bytes = new byte[cell.remaining()];
    cell.duplicate().get(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  public static UUID readUuid(ByteBuffer cell) {
    checkSize(cell, 16, "uuid");
    return new UUID(cell.getLong(cell.position()), cell.getLong(cell.position() + 8));
  }

  public static Instant readTimestamp(ByteBuffer cell) {
    checkSize(cell, 8, "timestamp");
    return Instant.ofEpochMilli(cell.getLong(cell.position()));
  }

  public static LocalDate readDate(ByteBuffer cell) {
    checkSize(cell, 4, "date");
    long unsigned = Integer.toUnsignedLong(cell.getInt(cell.position()));
    return LocalDate.ofEpochDay(unsigned - DATE_EPOCH_OFFSET);
  }

  public static ByteBuffer encodeDate(LocalDate date) {
    long days = date.toEpochDay() + DATE_EPOCH_OFFSET;
    if (days < 0 || days > 0xFFFFFFFFL) {
      throw new IllegalArgumentException("date " + date + " is outside the range of the CQL date type");
    }
    return ByteBuffer.allocate(4).putInt(0, (int) days);
  }

  public static LocalTime readTime(ByteBuffer cell) {
    checkSize(cell, 8, "time");
    long nanos = cell.getLong(cell.position());
    if (nanos < 0 || nanos >= 86_400_000_000_000L) {
      throw new ProtocolError("time value " + nanos + " ns is outside one day");
    }
    return LocalTime.ofNanoOfDay(nanos);
  }

  public static BigInteger readVarint(ByteBuffer cell) {
    if (!cell.hasRemaining()) {
      throw new ProtocolError("varint of 0 bytes");
    }
    byte[] bytes = new byte[cell.remaining()];
    cell.duplicate().get(bytes);
    return new BigInteger(bytes);
  }

  public static BigDecimal readDecimal(ByteBuffer cell) {
    if (cell.remaining() < 5) {
      throw new ProtocolError("decimal of " + cell.remaining() + " bytes; needs at least 5");
    }
    int scale = cell.getInt(cell.position());
    byte[] unscaled = new byte[cell.remaining() - 4];
    cell.get(cell.position() + 4, unscaled);
    return new BigDecimal(new BigInteger(unscaled), scale);
  }

  public static ByteBuffer encodeDecimal(BigDecimal value) {
    byte[] unscaled = value.unscaledValue().toByteArray();
    return ByteBuffer.allocate(4 + unscaled.length).putInt(value.scale()).put(unscaled).flip();
  }

  public static InetAddress readInet(ByteBuffer cell) {
    if (cell.remaining() != 4 && cell.remaining() != 16) {
      throw new ProtocolError("inet of " + cell.remaining() + " bytes; expected 4 or 16");
    }
    byte[] bytes = new byte[cell.remaining()];
    cell.duplicate().get(bytes);
    try {
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      throw new ProtocolError("invalid inet: " + e.getMessage());
    }
  }

  private static void checkSize(ByteBuffer cell, int size, String type) {
    if (cell.remaining() != size) {
      throw new ProtocolError(type + " value of " + cell.remaining() + " bytes; expected " + size);
    }
  }
}
