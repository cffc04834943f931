package io.loomcql.internal.session;

import io.loomcql.ColumnDefinition;
import io.loomcql.ColumnDefinitions;
import io.loomcql.Row;
import io.loomcql.internal.codec.DurationValues;
import io.loomcql.internal.codec.JavaTypes;
import io.loomcql.internal.codec.NativeValues;
import io.loomcql.internal.codec.ValueDecoder;
import io.loomcql.internal.mapping.UserTypeMappings;
import io.loomcql.type.CodecRegistry;
import io.loomcql.type.CqlDuration;
import io.loomcql.type.CqlVector;
import io.loomcql.type.CustomType;
import io.loomcql.type.DataType;
import io.loomcql.type.ListType;
import io.loomcql.type.MapType;
import io.loomcql.type.NativeType;
import io.loomcql.type.SetType;
import io.loomcql.type.TupleType;
import io.loomcql.type.TupleValue;
import io.loomcql.type.UdtValue;
import io.loomcql.type.UserDefinedType;
import io.loomcql.type.VectorType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** A row as a view on its page: an index into {@link PageData}. Immutable. */
final class DefaultRow implements Row {
  private final PageData page;
  private final int row;

  DefaultRow(PageData page, int row) {
    this.page = page;
    this.row = row;
  }

  @Override
  public ColumnDefinitions columnDefinitions() {
    return page.columns;
  }

  @Override
  public boolean isNull(int index) {
    return page.cell(row, index) == null;
  }

  @Override
  public String getString(int index) {
    ByteBuffer cell = cell(index, "getString", NativeType.TEXT, NativeType.ASCII);
    return cell == null ? null : NativeValues.readText(cell);
  }

  @Override
  public int getInt(int index) {
    ByteBuffer cell = cell(index, "getInt", NativeType.INT);
    return empty(cell) ? 0 : NativeValues.readInt(cell);
  }

  @Override
  public long getLong(int index) {
    ByteBuffer cell = cell(index, "getLong", NativeType.BIGINT, NativeType.COUNTER);
    return empty(cell) ? 0L : NativeValues.readLong(cell);
  }

  @Override
  public boolean getBoolean(int index) {
    ByteBuffer cell = cell(index, "getBoolean", NativeType.BOOLEAN);
    return !empty(cell) && NativeValues.readBoolean(cell);
  }

  @Override
  public double getDouble(int index) {
    ByteBuffer cell = cell(index, "getDouble", NativeType.DOUBLE);
    return empty(cell) ? 0.0 : NativeValues.readDouble(cell);
  }

  @Override
  public float getFloat(int index) {
    ByteBuffer cell = cell(index, "getFloat", NativeType.FLOAT);
    return empty(cell) ? 0.0f : NativeValues.readFloat(cell);
  }

  @Override
  public short getShort(int index) {
    ByteBuffer cell = cell(index, "getShort", NativeType.SMALLINT);
    return empty(cell) ? 0 : NativeValues.readShort(cell);
  }

  @Override
  public byte getByte(int index) {
    ByteBuffer cell = cell(index, "getByte", NativeType.TINYINT);
    return empty(cell) ? 0 : NativeValues.readByte(cell);
  }

  @Override
  public BigDecimal getBigDecimal(int index) {
    ByteBuffer cell = cell(index, "getBigDecimal", NativeType.DECIMAL);
    return empty(cell) ? null : NativeValues.readDecimal(cell);
  }

  @Override
  public BigInteger getBigInteger(int index) {
    ByteBuffer cell = cell(index, "getBigInteger", NativeType.VARINT);
    return empty(cell) ? null : NativeValues.readVarint(cell);
  }

  @Override
  public UUID getUuid(int index) {
    ByteBuffer cell = cell(index, "getUuid", NativeType.UUID, NativeType.TIMEUUID);
    return empty(cell) ? null : NativeValues.readUuid(cell);
  }

  @Override
  public Instant getInstant(int index) {
    ByteBuffer cell = cell(index, "getInstant", NativeType.TIMESTAMP);
    return empty(cell) ? null : NativeValues.readTimestamp(cell);
  }

  @Override
  public LocalDate getLocalDate(int index) {
    ByteBuffer cell = cell(index, "getLocalDate", NativeType.DATE);
    return empty(cell) ? null : NativeValues.readDate(cell);
  }

  @Override
  public LocalTime getLocalTime(int index) {
    ByteBuffer cell = cell(index, "getLocalTime", NativeType.TIME);
    return empty(cell) ? null : NativeValues.readTime(cell);
  }

  @Override
  public InetAddress getInetAddress(int index) {
    ByteBuffer cell = cell(index, "getInetAddress", NativeType.INET);
    return empty(cell) ? null : NativeValues.readInet(cell);
  }

  @Override
  public ByteBuffer getByteBuffer(int index) {
    DataType type = page.columns.get(index).type();
    if (type != NativeType.BLOB && !(type instanceof CustomType)) {
      throw mismatch(index, "getByteBuffer", "blob");
    }
    ByteBuffer cell = page.cell(row, index);
    return cell == null ? null : cell.asReadOnlyBuffer();
  }

  @Override
  public Object getObject(int index) {
    return ValueDecoder.decode(page.columns.get(index).type(), page.cell(row, index));
  }

  @Override
  public <T> T get(int index, Class<T> type) {
    Object value = getObject(index);
    if (value == null || type.isInstance(value)) {
      return type.cast(value);
    }
    ColumnDefinition column = page.columns.get(index);
    if (!CodecRegistry.DEFAULT.isEmpty() && CodecRegistry.DEFAULT.codecFor(column.type(), type) != null) {
      return CodecRegistry.DEFAULT.decode(column.type(), type, page.cell(row, index));
    }
    throw new IllegalArgumentException(
        "column '" + column.name() + "' is of CQL type " + column.type().asCql() + ", read as "
            + value.getClass().getName() + ", which is not a " + type.getName() + " (and no codec is registered)");
  }

  @Override
  public CqlDuration getDuration(int index) {
    ByteBuffer cell = cell(index, "getDuration", NativeType.DURATION);
    return empty(cell) ? null : DurationValues.decode(cell);
  }

  @Override
  public <T> CqlVector<T> getVector(int index, Class<T> elementType) {
    if (!(page.columns.get(index).type() instanceof VectorType vector)) {
      throw mismatch(index, "getVector", "vector");
    }
    checkElement(index, "getVector", vector.elementType(), elementType);
    @SuppressWarnings("unchecked") // every element was checked to be of elementType's default class
    CqlVector<T> value = (CqlVector<T>) getObject(index);
    return value;
  }

  @Override
  public <T> List<T> getList(int index, Class<T> elementType) {
    if (!(page.columns.get(index).type() instanceof ListType list)) {
      throw mismatch(index, "getList", "list");
    }
    checkElement(index, "getList", list.elementType(), elementType);
    Object value = getObject(index);
    return value == null ? List.of() : Collections.checkedList(castList(value), elementType);
  }

  @Override
  public <T> Set<T> getSet(int index, Class<T> elementType) {
    if (!(page.columns.get(index).type() instanceof SetType set)) {
      throw mismatch(index, "getSet", "set");
    }
    checkElement(index, "getSet", set.elementType(), elementType);
    Object value = getObject(index);
    return value == null ? Set.of() : Collections.checkedSet(castSet(value), elementType);
  }

  @Override
  public <K, V> Map<K, V> getMap(int index, Class<K> keyType, Class<V> valueType) {
    if (!(page.columns.get(index).type() instanceof MapType map)) {
      throw mismatch(index, "getMap", "map");
    }
    checkElement(index, "getMap", map.keyType(), keyType);
    checkElement(index, "getMap", map.valueType(), valueType);
    Object value = getObject(index);
    return value == null ? Map.of() : Collections.checkedMap(castMap(value), keyType, valueType);
  }

  @Override
  public UdtValue getUdtValue(int index) {
    if (!(page.columns.get(index).type() instanceof UserDefinedType type)) {
      throw mismatch(index, "getUdtValue", "a user-defined type");
    }
    return ValueDecoder.decodeUdt(type, page.cell(row, index));
  }

  @Override
  public TupleValue getTupleValue(int index) {
    if (!(page.columns.get(index).type() instanceof TupleType)) {
      throw mismatch(index, "getTupleValue", "tuple");
    }
    return (TupleValue) getObject(index);
  }

  private void checkElement(int index, String getter, DataType element, Class<?> requested) {
    if (element instanceof UserDefinedType udt && requested.equals(UserTypeMappings.recordFor(udt))) {
      return; // a user type registered to this record
    }
    if (!JavaTypes.readableAs(element, requested)) {
      throw mismatch(index, getter, "elements of CQL type " + element.asCql() + " as "
          + JavaTypes.defaultClass(element).getName() + ", not " + requested.getName());
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> List<T> castList(Object value) {
    return (List<T>) value;
  }

  @SuppressWarnings("unchecked")
  private static <T> Set<T> castSet(Object value) {
    return (Set<T>) value;
  }

  @SuppressWarnings("unchecked")
  private static <K, V> Map<K, V> castMap(Object value) {
    return (Map<K, V>) value;
  }

  private ByteBuffer cell(int index, String getter, NativeType expected) {
    if (page.columns.get(index).type() != expected) {
      throw mismatch(index, getter, expected.asCql());
    }
    return page.cell(row, index);
  }

  private ByteBuffer cell(int index, String getter, NativeType expected, NativeType alternative) {
    DataType actual = page.columns.get(index).type();
    if (actual != expected && actual != alternative) {
      throw mismatch(index, getter, expected.asCql() + " or " + alternative.asCql());
    }
    return page.cell(row, index);
  }

  /** Null and empty cells both read as the type's zero (primitive getters) or null. */
  private static boolean empty(ByteBuffer cell) {
    return cell == null || !cell.hasRemaining();
  }

  private IllegalArgumentException mismatch(int index, String getter, String readable) {
    ColumnDefinition column = page.columns.get(index);
    return new IllegalArgumentException(
        "column '" + column.name() + "' is of CQL type " + column.type().asCql() + "; " + getter + " reads "
            + readable);
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("Row[");
    for (int i = 0; i < page.columns.size(); i++) {
      text.append(i == 0 ? "" : ", ").append(page.columns.get(i).name()).append('=').append(getObject(i));
    }
    return text.append(']').toString();
  }
}
