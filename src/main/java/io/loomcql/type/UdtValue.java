package io.loomcql.type;

import io.loomcql.internal.codec.DecodedValues;
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

  static {
    // The decoder builds values from lists it just filled: no checks, no copy (see DecodedValues).
    DecodedValues.installUdts((type, values) -> new UdtValue(type, Collections.unmodifiableList(values)));
  }

  private UdtValue(UserDefinedType type, List<Object> values) {
    this.type = type;
    this.values = values;
  }

  /**
   * A value of the type with every field null.
   *
   * @param type the user type
   * @return the empty value
   */
  public static UdtValue empty(UserDefinedType type) {
    return new UdtValue(type, Collections.unmodifiableList(new ArrayList<>(Collections.nCopies(type.fieldNames().size(), null))));
  }

  /**
   * The user type of this value.
   *
   * @return the type
   */
  public UserDefinedType type() {
    return type;
  }

  /**
   * The number of fields, which is that of the type (null ones included).
   *
   * @return the count
   */
  public int size() {
    return values.size();
  }

  /**
   * A copy with the field set; this value does not change.
   *
   * @param field the field's name; double-quote it to match case exactly
   * @param value the new value, or {@code null}; it must fit the field's type
   * @return the copy
   * @throws IllegalArgumentException when the type has no such field or the value does not fit it
   */
  public UdtValue with(String field, Object value) {
    return with(index(field), value);
  }

  /**
   * A copy with the field at {@code index} (declaration order) set; this value does not change.
   *
   * @param index the field's position, from 0
   * @param value the new value, or {@code null}; it must fit the field's type
   * @return the copy
   * @throws IllegalArgumentException when the value does not fit the field's type
   * @throws IndexOutOfBoundsException if there is no such field
   */
  public UdtValue with(int index, Object value) {
    List<Object> copy = new ArrayList<>(values);
    copy.set(index, Values.normalize(value, type.fieldTypes().get(index), "field " + type.fieldNames().get(index)));
    return new UdtValue(type, Collections.unmodifiableList(copy));
  }

  /**
   * The fields as their default Java types.
   *
   * @return the values, in declaration order, null ones included; read-only
   */
  public List<Object> values() {
    return values;
  }

  /**
   * Whether a field is null, which tells a null from the 0 or {@code false} that primitive getters
   * return for it.
   *
   * @param field the field's name; double-quote it to match case exactly
   * @return {@code true} if the field is null
   * @throws IllegalArgumentException if the type has no such field
   */
  public boolean isNull(String field) {
    return values.get(index(field)) == null;
  }

  /**
   * A field as its default Java type (see {@code docs/types.md}). A user type mapped to a record
   * reads as that record.
   *
   * @param field the field's name; double-quote it to match case exactly
   * @return the value, or {@code null}
   * @throws IllegalArgumentException if the type has no such field
   */
  public Object getObject(String field) {
    return values.get(index(field));
  }

  /**
   * A field as its default Java type, by position.
   *
   * @param index the field's position, from 0, in declaration order
   * @return the value, or {@code null}
   */
  public Object getObject(int index) {
    return values.get(index);
  }

  /**
   * A field as the given Java type: its default type or a supertype of it ({@code Number.class}
   * for an {@code int}). Registered codecs are not consulted.
   *
   * @param <T> the Java type
   * @param field the field's name; double-quote it to match case exactly
   * @param javaType the class to read as; a primitive class reads as its wrapper
   * @return the value, or {@code null} if it is null
   * @throws IllegalArgumentException when the field is unknown or not of that Java type
   */
  public <T> T get(String field, Class<T> javaType) {
    return get(index(field), javaType);
  }

  /**
   * A field as the given Java type, by position.
   *
   * @param <T> the Java type
   * @param index the field's position, from 0, in declaration order
   * @param javaType the class to read as: the default type of the field or a supertype of it
   * @return the value, or {@code null} if it is null
   * @throws IllegalArgumentException when the field is not of that Java type
   */
  public <T> T get(int index, Class<T> javaType) {
    return Values.as(values.get(index), javaType, type.fieldTypes().get(index), "field " + type.fieldNames().get(index));
  }

  /**
   * The field as a {@code String}.
   *
   * @param field the field's name; double-quote it to match case exactly
   * @return the value, or {@code null} if it is null
   * @throws IllegalArgumentException if the type has no such field, or the field is not
   *     {@code text} or {@code ascii}
   */
  public String getString(String field) {
    return get(field, String.class);
  }

  /**
   * The field as an {@code int}.
   *
   * @param field the field's name; double-quote it to match case exactly
   * @return the value, or 0 if it is null
   * @throws IllegalArgumentException if the type has no such field, or the field is not {@code int}
   */
  public int getInt(String field) {
    Integer value = get(field, Integer.class);
    return value == null ? 0 : value;
  }

  /**
   * The field as a {@code long}.
   *
   * @param field the field's name; double-quote it to match case exactly
   * @return the value, or 0 if it is null
   * @throws IllegalArgumentException if the type has no such field, or the field is not
   *     {@code bigint} or {@code counter}
   */
  public long getLong(String field) {
    Long value = get(field, Long.class);
    return value == null ? 0L : value;
  }

  /**
   * The field as a {@code boolean}.
   *
   * @param field the field's name; double-quote it to match case exactly
   * @return the value, or {@code false} if it is null
   * @throws IllegalArgumentException if the type has no such field, or the field is not
   *     {@code boolean}
   */
  public boolean getBoolean(String field) {
    return Boolean.TRUE.equals(get(field, Boolean.class));
  }

  /**
   * The field as a {@code double}.
   *
   * @param field the field's name; double-quote it to match case exactly
   * @return the value, or 0.0 if it is null
   * @throws IllegalArgumentException if the type has no such field, or the field is not
   *     {@code double}
   */
  public double getDouble(String field) {
    Double value = get(field, Double.class);
    return value == null ? 0.0 : value;
  }

  /**
   * The field as a {@code float}.
   *
   * @param field the field's name; double-quote it to match case exactly
   * @return the value, or 0.0 if it is null
   * @throws IllegalArgumentException if the type has no such field, or the field is not
   *     {@code float}
   */
  public float getFloat(String field) {
    Float value = get(field, Float.class);
    return value == null ? 0.0f : value;
  }

  /**
   * The field as a {@code BigDecimal}.
   *
   * @param field the field's name; double-quote it to match case exactly
   * @return the value, or {@code null} if it is null
   * @throws IllegalArgumentException if the type has no such field, or the field is not
   *     {@code decimal}
   */
  public BigDecimal getBigDecimal(String field) {
    return get(field, BigDecimal.class);
  }

  /**
   * The field as a {@code UUID}.
   *
   * @param field the field's name; double-quote it to match case exactly
   * @return the value, or {@code null} if it is null
   * @throws IllegalArgumentException if the type has no such field, or the field is not
   *     {@code uuid} or {@code timeuuid}
   */
  public UUID getUuid(String field) {
    return get(field, UUID.class);
  }

  /**
   * The field as an {@code Instant}.
   *
   * @param field the field's name; double-quote it to match case exactly
   * @return the value, or {@code null} if it is null
   * @throws IllegalArgumentException if the type has no such field, or the field is not
   *     {@code timestamp}
   */
  public Instant getInstant(String field) {
    return get(field, Instant.class);
  }

  /**
   * The field as a {@link UdtValue}.
   *
   * @param field the field's name; double-quote it to match case exactly
   * @return the value, or {@code null} if it is null
   * @throws IllegalArgumentException if the type has no such field, or the field is not a
   *     user-defined type, or its type is mapped to a record (read that with {@link #get(String,
   *     Class)})
   */
  public UdtValue getUdtValue(String field) {
    return get(field, UdtValue.class);
  }

  /**
   * The field as a {@link TupleValue}.
   *
   * @param field the field's name; double-quote it to match case exactly
   * @return the value, or {@code null} if it is null
   * @throws IllegalArgumentException if the type has no such field, or the field is not a tuple
   */
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
