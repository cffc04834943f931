package io.loomcql;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/**
 * One row of a result. Getters read the cell on demand, by index or by name (case-insensitive
 * unless double-quoted). A getter whose Java type does not fit the column's CQL type throws
 * {@link IllegalArgumentException} naming the column and both types. For a null cell the
 * primitive getters return 0 / false and the object getters null; {@link #isNull} tells them apart.
 *
 * <p>Rows are immutable and may be read from any thread.
 */
public interface Row {
  ColumnDefinitions columnDefinitions();

  boolean isNull(int index);

  String getString(int index);

  int getInt(int index);

  long getLong(int index);

  boolean getBoolean(int index);

  double getDouble(int index);

  float getFloat(int index);

  short getShort(int index);

  byte getByte(int index);

  BigDecimal getBigDecimal(int index);

  BigInteger getBigInteger(int index);

  UUID getUuid(int index);

  Instant getInstant(int index);

  LocalDate getLocalDate(int index);

  LocalTime getLocalTime(int index);

  InetAddress getInetAddress(int index);

  /** The cell's raw bytes (read-only), for blob and custom columns. */
  ByteBuffer getByteBuffer(int index);

  /** The cell as the default Java type of its CQL type (the README's mapping table). */
  Object getObject(int index);

  /** The cell as the given Java type, when the column's CQL type maps to it. */
  <T> T get(int index, Class<T> type);

  default boolean isNull(String name) {
    return isNull(index(name));
  }

  default String getString(String name) {
    return getString(index(name));
  }

  default int getInt(String name) {
    return getInt(index(name));
  }

  default long getLong(String name) {
    return getLong(index(name));
  }

  default boolean getBoolean(String name) {
    return getBoolean(index(name));
  }

  default double getDouble(String name) {
    return getDouble(index(name));
  }

  default float getFloat(String name) {
    return getFloat(index(name));
  }

  default short getShort(String name) {
    return getShort(index(name));
  }

  default byte getByte(String name) {
    return getByte(index(name));
  }

  default BigDecimal getBigDecimal(String name) {
    return getBigDecimal(index(name));
  }

  default BigInteger getBigInteger(String name) {
    return getBigInteger(index(name));
  }

  default UUID getUuid(String name) {
    return getUuid(index(name));
  }

  default Instant getInstant(String name) {
    return getInstant(index(name));
  }

  default LocalDate getLocalDate(String name) {
    return getLocalDate(index(name));
  }

  default LocalTime getLocalTime(String name) {
    return getLocalTime(index(name));
  }

  default InetAddress getInetAddress(String name) {
    return getInetAddress(index(name));
  }

  default ByteBuffer getByteBuffer(String name) {
    return getByteBuffer(index(name));
  }

  default Object getObject(String name) {
    return getObject(index(name));
  }

  default <T> T get(String name, Class<T> type) {
    return get(index(name), type);
  }

  private int index(String name) {
    return columnDefinitions().indexOfExisting(name);
  }
}
