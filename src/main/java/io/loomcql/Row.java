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
 * An empty cell (no bytes) of a type other than text, ascii, blob or a custom type reads as null
 * too.
 *
 * <p>Rows are immutable and may be read from any thread.
 */
public interface Row {
  /** {@return the columns of the row, shared with its result} */
  ColumnDefinitions columnDefinitions();

  /**
   * Whether the cell is null, which tells a null from the 0 or {@code false} that primitive
   * getters return for it.
   *
   * @param index the column's position, from 0
   * @return {@code true} for a null cell
   */
  boolean isNull(int index);

  /**
   * The cell as a {@code String}, for a {@code text} or {@code ascii} column.
   *
   * @param index the column's position, from 0
   * @return the value; {@code null} for a null cell
   * @throws IllegalArgumentException if the column is not {@code text} or {@code ascii}
   */
  String getString(int index);

  /**
   * The cell as an {@code int}, for an {@code int} column.
   *
   * @param index the column's position, from 0
   * @return the value; 0 for a null cell
   * @throws IllegalArgumentException if the column is not {@code int}
   */
  int getInt(int index);

  /**
   * The cell as a {@code long}, for a {@code bigint} or {@code counter} column.
   *
   * @param index the column's position, from 0
   * @return the value; 0 for a null cell
   * @throws IllegalArgumentException if the column is not {@code bigint} or {@code counter}
   */
  long getLong(int index);

  /**
   * The cell as a {@code boolean}, for a {@code boolean} column.
   *
   * @param index the column's position, from 0
   * @return the value; {@code false} for a null cell
   * @throws IllegalArgumentException if the column is not {@code boolean}
   */
  boolean getBoolean(int index);

  /**
   * The cell as a {@code double}, for a {@code double} column.
   *
   * @param index the column's position, from 0
   * @return the value; 0.0 for a null cell
   * @throws IllegalArgumentException if the column is not {@code double}
   */
  double getDouble(int index);

  /**
   * The cell as a {@code float}, for a {@code float} column.
   *
   * @param index the column's position, from 0
   * @return the value; 0.0 for a null cell
   * @throws IllegalArgumentException if the column is not {@code float}
   */
  float getFloat(int index);

  /**
   * The cell as a {@code short}, for a {@code smallint} column.
   *
   * @param index the column's position, from 0
   * @return the value; 0 for a null cell
   * @throws IllegalArgumentException if the column is not {@code smallint}
   */
  short getShort(int index);

  /**
   * The cell as a {@code byte}, for a {@code tinyint} column.
   *
   * @param index the column's position, from 0
   * @return the value; 0 for a null cell
   * @throws IllegalArgumentException if the column is not {@code tinyint}
   */
  byte getByte(int index);

  /**
   * The cell as a {@code BigDecimal}, for a {@code decimal} column.
   *
   * @param index the column's position, from 0
   * @return the value; {@code null} for a null cell
   * @throws IllegalArgumentException if the column is not {@code decimal}
   */
  BigDecimal getBigDecimal(int index);

  /**
   * The cell as a {@code BigInteger}, for a {@code varint} column.
   *
   * @param index the column's position, from 0
   * @return the value; {@code null} for a null cell
   * @throws IllegalArgumentException if the column is not {@code varint}
   */
  BigInteger getBigInteger(int index);

  /**
   * The cell as a {@code UUID}, for a {@code uuid} or {@code timeuuid} column.
   *
   * @param index the column's position, from 0
   * @return the value; {@code null} for a null cell
   * @throws IllegalArgumentException if the column is not {@code uuid} or {@code timeuuid}
   */
  UUID getUuid(int index);

  /**
   * The cell as an {@code Instant}, for a {@code timestamp} column.
   *
   * @param index the column's position, from 0
   * @return the value; {@code null} for a null cell
   * @throws IllegalArgumentException if the column is not {@code timestamp}
   */
  Instant getInstant(int index);

  /**
   * The cell as a {@code LocalDate}, for a {@code date} column.
   *
   * @param index the column's position, from 0
   * @return the value; {@code null} for a null cell
   * @throws IllegalArgumentException if the column is not {@code date}
   */
  LocalDate getLocalDate(int index);

  /**
   * The cell as a {@code LocalTime}, for a {@code time} column.
   *
   * @param index the column's position, from 0
   * @return the value; {@code null} for a null cell
   * @throws IllegalArgumentException if the column is not {@code time}
   */
  LocalTime getLocalTime(int index);

  /**
   * The cell as an {@code InetAddress}, for an {@code inet} column.
   *
   * @param index the column's position, from 0
   * @return the value; {@code null} for a null cell
   * @throws IllegalArgumentException if the column is not {@code inet}
   */
  InetAddress getInetAddress(int index);

  /**
   * The cell's raw bytes, for blob and custom columns.
   *
   * @param index the column's position, from 0
   * @return a read-only buffer over the bytes; {@code null} for a null cell
   * @throws IllegalArgumentException if the column is not {@code blob} or a custom type
   */
  ByteBuffer getByteBuffer(int index);

  /**
   * The cell as a {@code CqlDuration}, for a {@code duration} column.
   *
   * @param index the column's position, from 0
   * @return the value; {@code null} for a null cell
   * @throws IllegalArgumentException if the column is not {@code duration}
   */
  CqlDuration getDuration(int index);

  /**
   * A {@code vector<element, n>} cell, checking that its elements read as {@code elementType}.
   *
   * @param <T> the element type
   * @param index the column's position, from 0
   * @param elementType the class of the elements: the default class of the element type or a
   *     supertype of it, for example {@code Float.class}
   * @return the vector; {@code null} for a null cell
   * @throws IllegalArgumentException if the column is not a vector, or its elements do not read as
   *     {@code elementType}
   */
  <T> CqlVector<T> getVector(int index, Class<T> elementType);

  /**
   * A {@code list} cell. CQL stores an empty collection as null, so a null cell reads as an
   * empty one.
   *
   * @param <T> the element type
   * @param index the column's position, from 0
   * @param elementType the class of the elements: the default class of the element type or a
   *     supertype of it (or the record registered for a user type)
   * @return the list, read-only and checked against the requested classes; empty for a null cell
   * @throws IllegalArgumentException if the column is not a list, or its elements do not read as
   *     the requested classes
   */
  <T> List<T> getList(int index, Class<T> elementType);

  /**
   * A {@code set} cell, iterating in the server's order. CQL stores an empty collection as null,
   * so a null cell reads as an empty one.
   *
   * @param <T> the element type
   * @param index the column's position, from 0
   * @param elementType the class of the elements: the default class of the element type or a
   *     supertype of it (or the record registered for a user type)
   * @return the set, read-only and checked against the requested classes; empty for a null cell
   * @throws IllegalArgumentException if the column is not a set, or its elements do not read as
   *     the requested classes
   */
  <T> Set<T> getSet(int index, Class<T> elementType);

  /**
   * A {@code map} cell, iterating in the server's order. CQL stores an empty collection as null,
   * so a null cell reads as an empty one.
   *
   * @param <K> the key type
   * @param <V> the value type
   * @param index the column's position, from 0
   * @param keyType the class of the keys, checked as {@code elementType} is for lists
   * @param valueType the class of the values, checked the same way
   * @return the map, read-only and checked against the requested classes; empty for a null cell
   * @throws IllegalArgumentException if the column is not a map, or its elements do not read as
   *     the requested classes
   */
  <K, V> Map<K, V> getMap(int index, Class<K> keyType, Class<V> valueType);

  /**
   * A user-defined type cell, always as a {@link UdtValue}, even when a record is registered for
   * the type (read that with {@link #get(int, Class)}).
   *
   * @param index the column's position, from 0
   * @return the value; {@code null} for a null cell
   * @throws IllegalArgumentException if the column is not a user-defined type
   */
  UdtValue getUdtValue(int index);

  /**
   * A tuple cell.
   *
   * @param index the column's position, from 0
   * @return the value; {@code null} for a null cell
   * @throws IllegalArgumentException if the column is not a tuple
   */
  TupleValue getTupleValue(int index);

  /**
   * The cell as the default Java type of its CQL type (the README's mapping table). A user type
   * with a registered record reads as that record; a null collection reads as {@code null}.
   *
   * @param index the column's position, from 0
   * @return the value; {@code null} for a null cell
   */
  Object getObject(int index);

  /**
   * The cell as the given Java type, when the column's CQL type maps to it (its default class or a
   * supertype, {@code Number.class} for an {@code int}), or through a codec registered in
   * {@link io.loomcql.type.CodecRegistry#DEFAULT}.
   *
   * @param <T> the Java type
   * @param index the column's position, from 0
   * @param type the class to read as; not a primitive class
   * @return the value; {@code null} for a null cell
   * @throws IllegalArgumentException if the column's value is not of that type and no codec reads
   *     it as that type
   */
  <T> T get(int index, Class<T> type);

  /**
   * Whether the cell of the named column is null.
   *
   * @param name the column's name; case-insensitive unless double-quoted
   * @return {@code true} for a null cell
   * @throws IllegalArgumentException if there is no such column
   */
  default boolean isNull(String name) {
    return isNull(index(name));
  }

  /**
   * The cell of the named column as a {@code String}; see {@link #getString(int)}.
   *
   * @param name the column's name; case-insensitive unless double-quoted
   * @return the value; {@code null} for a null cell
   * @throws IllegalArgumentException if there is no such column, or it is not {@code text} or
   *     {@code ascii}
   */
  default String getString(String name) {
    return getString(index(name));
  }

  /**
   * The cell of the named column as an {@code int}; see {@link #getInt(int)}.
   *
   * @param name the column's name; case-insensitive unless double-quoted
   * @return the value; 0 for a null cell
   * @throws IllegalArgumentException if there is no such column, or it is not {@code int}
   */
  default int getInt(String name) {
    return getInt(index(name));
  }

  /**
   * The cell of the named column as a {@code long}; see {@link #getLong(int)}.
   *
   * @param name the column's name; case-insensitive unless double-quoted
   * @return the value; 0 for a null cell
   * @throws IllegalArgumentException if there is no such column, or it is not {@code bigint} or
   *     {@code counter}
   */
  default long getLong(String name) {
    return getLong(index(name));
  }

  /**
   * The cell of the named column as a {@code boolean}; see {@link #getBoolean(int)}.
   *
   * @param name the column's name; case-insensitive unless double-quoted
   * @return the value; {@code false} for a null cell
   * @throws IllegalArgumentException if there is no such column, or it is not {@code boolean}
   */
  default boolean getBoolean(String name) {
    return getBoolean(index(name));
  }

  /**
   * The cell of the named column as a {@code double}; see {@link #getDouble(int)}.
   *
   * @param name the column's name; case-insensitive unless double-quoted
   * @return the value; 0.0 for a null cell
   * @throws IllegalArgumentException if there is no such column, or it is not {@code double}
   */
  default double getDouble(String name) {
    return getDouble(index(name));
  }

  /**
   * The cell of the named column as a {@code float}; see {@link #getFloat(int)}.
   *
   * @param name the column's name; case-insensitive unless double-quoted
   * @return the value; 0.0 for a null cell
   * @throws IllegalArgumentException if there is no such column, or it is not {@code float}
   */
  default float getFloat(String name) {
    return getFloat(index(name));
  }

  /**
   * The cell of the named column as a {@code short}; see {@link #getShort(int)}.
   *
   * @param name the column's name; case-insensitive unless double-quoted
   * @return the value; 0 for a null cell
   * @throws IllegalArgumentException if there is no such column, or it is not {@code smallint}
   */
  default short getShort(String name) {
    return getShort(index(name));
  }

  /**
   * The cell of the named column as a {@code byte}; see {@link #getByte(int)}.
   *
   * @param name the column's name; case-insensitive unless double-quoted
   * @return the value; 0 for a null cell
   * @throws IllegalArgumentException if there is no such column, or it is not {@code tinyint}
   */
  default byte getByte(String name) {
    return getByte(index(name));
  }

  /**
   * The cell of the named column as a {@code BigDecimal}; see {@link #getBigDecimal(int)}.
   *
   * @param name the column's name; case-insensitive unless double-quoted
   * @return the value; {@code null} for a null cell
   * @throws IllegalArgumentException if there is no such column, or it is not {@code decimal}
   */
  default BigDecimal getBigDecimal(String name) {
    return getBigDecimal(index(name));
  }

  /**
   * The cell of the named column as a {@code BigInteger}; see {@link #getBigInteger(int)}.
   *
   * @param name the column's name; case-insensitive unless double-quoted
   * @return the value; {@code null} for a null cell
   * @throws IllegalArgumentException if there is no such column, or it is not {@code varint}
   */
  default BigInteger getBigInteger(String name) {
    return getBigInteger(index(name));
  }

  /**
   * The cell of the named column as a {@code UUID}; see {@link #getUuid(int)}.
   *
   * @param name the column's name; case-insensitive unless double-quoted
   * @return the value; {@code null} for a null cell
   * @throws IllegalArgumentException if there is no such column, or it is not {@code uuid} or
   *     {@code timeuuid}
   */
  default UUID getUuid(String name) {
    return getUuid(index(name));
  }

  /**
   * The cell of the named column as an {@code Instant}; see {@link #getInstant(int)}.
   *
   * @param name the column's name; case-insensitive unless double-quoted
   * @return the value; {@code null} for a null cell
   * @throws IllegalArgumentException if there is no such column, or it is not {@code timestamp}
   */
  default Instant getInstant(String name) {
    return getInstant(index(name));
  }

  /**
   * The cell of the named column as a {@code LocalDate}; see {@link #getLocalDate(int)}.
   *
   * @param name the column's name; case-insensitive unless double-quoted
   * @return the value; {@code null} for a null cell
   * @throws IllegalArgumentException if there is no such column, or it is not {@code date}
   */
  default LocalDate getLocalDate(String name) {
    return getLocalDate(index(name));
  }

  /**
   * The cell of the named column as a {@code LocalTime}; see {@link #getLocalTime(int)}.
   *
   * @param name the column's name; case-insensitive unless double-quoted
   * @return the value; {@code null} for a null cell
   * @throws IllegalArgumentException if there is no such column, or it is not {@code time}
   */
  default LocalTime getLocalTime(String name) {
    return getLocalTime(index(name));
  }

  /**
   * The cell of the named column as an {@code InetAddress}; see {@link #getInetAddress(int)}.
   *
   * @param name the column's name; case-insensitive unless double-quoted
   * @return the value; {@code null} for a null cell
   * @throws IllegalArgumentException if there is no such column, or it is not {@code inet}
   */
  default InetAddress getInetAddress(String name) {
    return getInetAddress(index(name));
  }

  /**
   * The raw bytes of the named column; see {@link #getByteBuffer(int)}.
   *
   * @param name the column's name; case-insensitive unless double-quoted
   * @return a read-only buffer over the bytes; {@code null} for a null cell
   * @throws IllegalArgumentException if there is no such column, or it is not {@code blob} or a
   *     custom type
   */
  default ByteBuffer getByteBuffer(String name) {
    return getByteBuffer(index(name));
  }

  /**
   * The cell of the named column as a {@code CqlDuration}; see {@link #getDuration(int)}.
   *
   * @param name the column's name; case-insensitive unless double-quoted
   * @return the value; {@code null} for a null cell
   * @throws IllegalArgumentException if there is no such column, or it is not {@code duration}
   */
  default CqlDuration getDuration(String name) {
    return getDuration(index(name));
  }

  /**
   * The vector cell of the named column; see {@link #getVector(int, Class)}.
   *
   * @param <T> the element type
   * @param name the column's name; case-insensitive unless double-quoted
   * @param elementType the class of the elements
   * @return the vector; {@code null} for a null cell
   * @throws IllegalArgumentException if there is no such column, it is not a vector, or its
   *     elements do not read as {@code elementType}
   */
  default <T> CqlVector<T> getVector(String name, Class<T> elementType) {
    return getVector(index(name), elementType);
  }

  /**
   * The list cell of the named column; see {@link #getList(int, Class)}.
   *
   * @param <T> the element type
   * @param name the column's name; case-insensitive unless double-quoted
   * @param elementType the class of the elements
   * @return the list, read-only; empty for a null cell
   * @throws IllegalArgumentException if there is no such column, it is not a list, or its
   *     elements do not read as the requested classes
   */
  default <T> List<T> getList(String name, Class<T> elementType) {
    return getList(index(name), elementType);
  }

  /**
   * The set cell of the named column; see {@link #getSet(int, Class)}.
   *
   * @param <T> the element type
   * @param name the column's name; case-insensitive unless double-quoted
   * @param elementType the class of the elements
   * @return the set, read-only; empty for a null cell
   * @throws IllegalArgumentException if there is no such column, it is not a set, or its
   *     elements do not read as the requested classes
   */
  default <T> Set<T> getSet(String name, Class<T> elementType) {
    return getSet(index(name), elementType);
  }

  /**
   * The map cell of the named column; see {@link #getMap(int, Class, Class)}.
   *
   * @param <K> the key type
   * @param <V> the value type
   * @param name the column's name; case-insensitive unless double-quoted
   * @param keyType the class of the keys
   * @param valueType the class of the values
   * @return the map, read-only; empty for a null cell
   * @throws IllegalArgumentException if there is no such column, it is not a map, or its
   *     elements do not read as the requested classes
   */
  default <K, V> Map<K, V> getMap(String name, Class<K> keyType, Class<V> valueType) {
    return getMap(index(name), keyType, valueType);
  }

  /**
   * The user-defined type cell of the named column; see {@link #getUdtValue(int)}.
   *
   * @param name the column's name; case-insensitive unless double-quoted
   * @return the value; {@code null} for a null cell
   * @throws IllegalArgumentException if there is no such column, or it is not a user-defined type
   */
  default UdtValue getUdtValue(String name) {
    return getUdtValue(index(name));
  }

  /**
   * The tuple cell of the named column; see {@link #getTupleValue(int)}.
   *
   * @param name the column's name; case-insensitive unless double-quoted
   * @return the value; {@code null} for a null cell
   * @throws IllegalArgumentException if there is no such column, or it is not a tuple
   */
  default TupleValue getTupleValue(String name) {
    return getTupleValue(index(name));
  }

  /**
   * The cell of the named column as its default Java type; see {@link #getObject(int)}.
   *
   * @param name the column's name; case-insensitive unless double-quoted
   * @return the value; {@code null} for a null cell
   * @throws IllegalArgumentException if there is no such column
   */
  default Object getObject(String name) {
    return getObject(index(name));
  }

  /**
   * The cell of the named column as the given Java type; see {@link #get(int, Class)}.
   *
   * @param <T> the Java type
   * @param name the column's name; case-insensitive unless double-quoted
   * @param type the class to read as
   * @return the value; {@code null} for a null cell
   * @throws IllegalArgumentException if there is no such column, or its value is not of that type
   *     and no codec reads it as that type
   */
  default <T> T get(String name, Class<T> type) {
    return get(index(name), type);
  }

  private int index(String name) {
    return columnDefinitions().indexOfExisting(name);
  }
}
