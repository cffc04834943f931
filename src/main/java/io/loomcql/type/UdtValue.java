package io.loomcql.type;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The value of a user-defined type: its {@link UserDefinedType} and one value per field (null
 * allowed). Fields are named as in CQL: case-insensitive unless double-quoted. Immutable:
 * {@link #with} returns a copy, checked against the field's type.
 */
public final class UdtValue {
  private final UserDefinedType type;
  private final List<Object> values;

  private UdtValue(UserDefinedType type, List<Object> values) {
    this.type = type;
    this.values = values;
  }

  /** A value of the type with every field null. */
  public static UdtValue empty(UserDefinedType type) {
    return new UdtValue(type, Collections.unmodifiableList(new ArrayList<>(Collections.nCopies(type.fieldNames().size(), null))));
  }

  /** Wraps values that the decoder produced; no checks, no copy. For the codec layer. */
  public static UdtValue decoded(UserDefinedType type, List<Object> values) {
    return new UdtValue(type, Collections.unmodifiableList(values));
  }

  public UserDefinedType type() {
    return type;
  }

  public int size() {
    return values.size();
  }

  /**
   * A copy with the field set.
   *
   * @throws IllegalArgumentException when the type has no such field or the value does not fit it
   */
  public UdtValue with(String field, Object value) {
    return with(index(field), value);
  }

  /** A copy with the field at {@code index} (declaration order) set. */
  public UdtValue with(int index, Object value) {
    List<Object> copy = new ArrayList<>(values);
    copy.set(index, Values.normalize(value, type.fieldTypes().get(index), "field " + type.fieldNames().get(index)));
    return new UdtValue(type, Collections.unmodifiableList(copy));
  }

  /** The fields in declaration order, as their default Java types (read-only). */
  public List<Object> values() {
    return values;
  }

  public boolean isNull(String field) {
    return values.get(index(field)) == null;
  }

  public Object getObject(String field) {
    return values.get(index(field));
  }

  public Object getObject(int index) {
    return values.get(index);
  }

  /**
   * @throws IllegalArgumentException when the field is unknown or not of that Java type
   */
  public <T> T get(String field, Class<T> javaType) {
    return get(index(field), javaType);
  }

  public <T> T get(int index, Class<T> javaType) {
    return Values.as(values.get(index), javaType, type.fieldTypes().get(index), "field " + type.fieldNames().get(index));
  }

  public String getString(String field) {
    return get(field, String.class);
  }

  public int getInt(String field) {
    Integer value = get(field, Integer.class);
    return value == null ? 0 : value;
  }

  public long getLong(String field) {
    Long value = get(field, Long.class);
    return value == null ? 0L : value;
  }

  public boolean getBoolean(String field) {
    return Boolean.TRUE.equals(get(field, Boolean.class));
  }

  public double getDouble(String field) {
    Double value = get(field, Double.class);
    return value == null ? 0.0 : value;
  }

  public float getFloat(String field) {
    Float value = get(field, Float.class);
    return value == null ? 0.0f : value;
  }

  public BigDecimal getBigDecimal(String field) {
    return get(field, BigDecimal.class);
  }

  public UUID getUuid(String field) {
    return get(field, UUID.class);
  }

  public Instant getInstant(String field) {
    return get(field, Instant.class);
  }

  public UdtValue getUdtValue(String field) {
    return get(field, UdtValue.class);
  }

  public TupleValue getTupleValue(String field) {
    return get(field, TupleValue.class);
  }

  private int index(String field) {
    int index = type.indexOf(field);
    if (index < 0) {
      throw new IllegalArgumentException(
          "user type " + type.keyspace() + "." + type.name() + " has no field " + field + "; fields: " + type.fieldNames());
    }
    return index;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof UdtValue that && type.equals(that.type) && values.equals(that.values);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, values);
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("{");
    for (int i = 0; i < values.size(); i++) {
      text.append(i == 0 ? "" : ", ").append(type.fieldNames().get(i)).append(": ").append(values.get(i));
    }
    return text.append('}').toString();
  }
}
