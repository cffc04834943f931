package io.loomcql;

import io.loomcql.type.CqlDuration;
import io.loomcql.type.CqlVector;
import io.loomcql.type.TupleValue;
import io.loomcql.type.UdtValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

  /** A {@code duration} cell. */
  CqlDuration getDuration(int index);

  /**
   * A {@code vector<element, n>} cell, checking that its elements read as {@code elementType}.
   */
  <T> CqlVector<T> getVector(int index, Class<T> elementType);

  /** A {@code list} cell (read-only); an empty list for a null cell, as CQL stores empty as null. */
  <T> List<T> getList(int index, Class<T> elementType);

  /** A {@code set} cell (read-only, iteration in the server's order); empty for a null cell. */
  <T> Set<T> getSet(int index, Class<T> elementType);

  /** A {@code map} cell (read-only, iteration in the server's order); empty for a null cell. */
  <K, V> Map<K, V> getMap(int index, Class<K> keyType, Class<V> valueType);

  /** A user-defined type cell. */
  UdtValue getUdtValue(int index);

  /** A tuple cell. */
  TupleValue getTupleValue(int index);

  /** The cell as the default Java type of its CQL type (the README's mapping table). */
  Object getObject(int index);

  /**
   * The cell as the given Java type, when the column's CQL type maps to it, or through a codec
   * registered in {@link io.loomcql.type.CodecRegistry#DEFAULT}.
   */
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

  default CqlDuration getDuration(String name) {
    return getDuration(index(name));
  }

  default <T> CqlVector<T> getVector(String name, Class<T> elementType) {
    return getVector(index(name), elementType);
  }

  default <T> List<T> getList(String name, Class<T> elementType) {
    return getList(index(name), elementType);
  }

  default <T> Set<T> getSet(String name, Class<T> elementType) {
    return getSet(index(name), elementType);
  }

  default <K, V> Map<K, V> getMap(String name, Class<K> keyType, Class<V> valueType) {
    return getMap(index(name), keyType, valueType);
  }

  default UdtValue getUdtValue(String name) {
    return getUdtValue(index(name));
  }

  default TupleValue getTupleValue(String name) {
    return getTupleValue(index(name));
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
