package io.loomcql.type;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The value of a CQL tuple: its {@link TupleType} and one value per component (null allowed).
 * Immutable: {@link #with} returns a copy. Values are checked against the component types when
 * set, so a wrong one fails here rather than when the statement is sent.
 */
public final class TupleValue {
  private final TupleType type;
  private final List<Object> values;

  private TupleValue(TupleType type, List<Object> values) {
    this.type = type;
    this.values = values;
  }

  /**
   * A tuple of the given type; missing trailing values are null.
   *
   * @throws IllegalArgumentException on more values than components or a value of the wrong type
   */
  public static TupleValue of(TupleType type, Object... values) {
    List<DataType> types = type.componentTypes();
    if (values.length > types.size()) {
      throw new IllegalArgumentException(
          "tuple " + type.asCql() + " has " + types.size() + " components; got " + values.length + " values");
    }
    List<Object> normalized = new ArrayList<>(Collections.nCopies(types.size(), null));
    for (int i = 0; i < values.length; i++) {
      normalized.set(i, Values.normalize(values[i], types.get(i), "tuple component " + i));
    }
    return new TupleValue(type, Collections.unmodifiableList(normalized));
  }

  /** Wraps values that the decoder produced; no checks, no copy. For the codec layer. */
  public static TupleValue decoded(TupleType type, List<Object> values) {
    return new TupleValue(type, Collections.unmodifiableList(values));
  }

  public TupleType type() {
    return type;
  }

  public int size() {
    return values.size();
  }

  /** A copy with component {@code index} set to {@code value}. */
  public TupleValue with(int index, Object value) {
    Object[] copy = values.toArray();
    copy[index] = value;
    return of(type, Arrays.copyOf(copy, copy.length));
  }

  /** The components as their default Java types (read-only). */
  public List<Object> values() {
    return values;
  }

  public boolean isNull(int index) {
    return values.get(index) == null;
  }

  public Object getObject(int index) {
    return values.get(index);
  }

  /**
   * @throws IllegalArgumentException when the component is not of that Java type
   */
  public <T> T get(int index, Class<T> javaType) {
    return Values.as(values.get(index), javaType, type.componentTypes().get(index), "tuple component " + index);
  }

  public String getString(int index) {
    return get(index, String.class);
  }

  public int getInt(int index) {
    Integer value = get(index, Integer.class);
    return value == null ? 0 : value;
  }

  public long getLong(int index) {
    Long value = get(index, Long.class);
    return value == null ? 0L : value;
  }

  public boolean getBoolean(int index) {
    return Boolean.TRUE.equals(get(index, Boolean.class));
  }

  public double getDouble(int index) {
    Double value = get(index, Double.class);
    return value == null ? 0.0 : value;
  }

  public float getFloat(int index) {
    Float value = get(index, Float.class);
    return value == null ? 0.0f : value;
  }

  public BigDecimal getBigDecimal(int index) {
    return get(index, BigDecimal.class);
  }

  public UUID getUuid(int index) {
    return get(index, UUID.class);
  }

  public Instant getInstant(int index) {
    return get(index, Instant.class);
  }

  public UdtValue getUdtValue(int index) {
    return get(index, UdtValue.class);
  }

  public TupleValue getTupleValue(int index) {
    return get(index, TupleValue.class);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TupleValue that && type.equals(that.type) && values.equals(that.values);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, values);
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("(");
    for (int i = 0; i < values.size(); i++) {
      text.append(i == 0 ? "" : ", ").append(values.get(i));
    }
    return text.append(')').toString();
  }
}
