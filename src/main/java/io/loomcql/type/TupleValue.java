package io.loomcql.type;

import io.loomcql.internal.codec.DecodedValues;
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

  static {
    // The decoder builds values from lists it just filled: no checks, no copy (see DecodedValues).
    DecodedValues.installTuples((type, values) -> new TupleValue(type, Collections.unmodifiableList(values)));
  }

  private TupleValue(TupleType type, List<Object> values) {
    this.type = type;
    this.values = values;
  }

  /**
   * A tuple of the given type; missing trailing values are null.
   *
   * @param type the tuple's type
   * @param values the components, in order; each must fit its component type, as a bound value
   *     would (an {@code Integer} for a {@code bigint} component is stored as a {@code Long})
   * @return the new value
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

  /**
   * The type of this tuple.
   *
   * @return the type
   */
  public TupleType type() {
    return type;
  }

  /**
   * The number of components, which is that of the type (null ones included).
   *
   * @return the count
   */
  public int size() {
    return values.size();
  }

  /**
   * A copy with component {@code index} set to {@code value}; this value does not change.
   *
   * @param index the component's position, from 0
   * @param value the new value, or {@code null}; it must fit the component type
   * @return the copy
   * @throws IllegalArgumentException if the value does not fit the component type
   * @throws IndexOutOfBoundsException if there is no such component
   */
  public TupleValue with(int index, Object value) {
    Object[] copy = values.toArray();
    copy[index] = value;
    return of(type, Arrays.copyOf(copy, copy.length));
  }

  /**
   * The components as their default Java types.
   *
   * @return the values, in order, null ones included; read-only
   */
  public List<Object> values() {
    return values;
  }

  /**
   * Whether a component is null, which tells a null from the 0 or {@code false} that primitive
   * getters return for it.
   *
   * @param index the component's position, from 0
   * @return {@code true} if the component is null
   */
  public boolean isNull(int index) {
    return values.get(index) == null;
  }

  /**
   * A component as its default Java type (see {@code docs/types.md}). A user type mapped to a
   * record reads as that record.
   *
   * @param index the component's position, from 0
   * @return the value, or {@code null}
   */
  public Object getObject(int index) {
    return values.get(index);
  }

  /**
   * A component as the given Java type: its default type or a supertype of it ({@code
   * Number.class} for an {@code int}). Registered codecs are not consulted.
   *
   * @param <T> the Java type
   * @param index the component's position, from 0
   * @param javaType the class to read as; a primitive class reads as its wrapper
   * @return the value, or {@code null} if it is null
   * @throws IllegalArgumentException when the component is not of that Java type
   */
  public <T> T get(int index, Class<T> javaType) {
    return Values.as(values.get(index), javaType, type.componentTypes().get(index), "tuple component " + index);
  }

  /**
   * The component as a {@code String}.
   *
   * @param index the component's position, from 0
   * @return the value, or {@code null} if it is null
   * @throws IllegalArgumentException if the component is not {@code text} or {@code ascii}
   */
  public String getString(int index) {
    return get(index, String.class);
  }

  /**
   * The component as an {@code int}.
   *
   * @param index the component's position, from 0
   * @return the value, or 0 if it is null
   * @throws IllegalArgumentException if the component is not {@code int}
   */
  public int getInt(int index) {
    Integer value = get(index, Integer.class);
    return value == null ? 0 : value;
  }

  /**
   * The component as a {@code long}.
   *
   * @param index the component's position, from 0
   * @return the value, or 0 if it is null
   * @throws IllegalArgumentException if the component is not {@code bigint} or {@code counter}
   */
  public long getLong(int index) {
    Long value = get(index, Long.class);
    return value == null ? 0L : value;
  }

  /**
   * The component as a {@code boolean}.
   *
   * @param index the component's position, from 0
   * @return the value, or {@code false} if it is null
   * @throws IllegalArgumentException if the component is not {@code boolean}
   */
  public boolean getBoolean(int index) {
    return Boolean.TRUE.equals(get(index, Boolean.class));
  }

  /**
   * The component as a {@code double}.
   *
   * @param index the component's position, from 0
   * @return the value, or 0.0 if it is null
   * @throws IllegalArgumentException if the component is not {@code double}
   */
  public double getDouble(int index) {
    Double value = get(index, Double.class);
    return value == null ? 0.0 : value;
  }

  /**
   * The component as a {@code float}.
   *
   * @param index the component's position, from 0
   * @return the value, or 0.0 if it is null
   * @throws IllegalArgumentException if the component is not {@code float}
   */
  public float getFloat(int index) {
    Float value = get(index, Float.class);
    return value == null ? 0.0f : value;
  }

  /**
   * The component as a {@code BigDecimal}.
   *
   * @param index the component's position, from 0
   * @return the value, or {@code null} if it is null
   * @throws IllegalArgumentException if the component is not {@code decimal}
   */
  public BigDecimal getBigDecimal(int index) {
    return get(index, BigDecimal.class);
  }

  /**
   * The component as a {@code UUID}.
   *
   * @param index the component's position, from 0
   * @return the value, or {@code null} if it is null
   * @throws IllegalArgumentException if the component is not {@code uuid} or {@code timeuuid}
   */
  public UUID getUuid(int index) {
    return get(index, UUID.class);
  }

  /**
   * The component as an {@code Instant}.
   *
   * @param index the component's position, from 0
   * @return the value, or {@code null} if it is null
   * @throws IllegalArgumentException if the component is not {@code timestamp}
   */
  public Instant getInstant(int index) {
    return get(index, Instant.class);
  }

  /**
   * The component as a {@link UdtValue}.
   *
   * @param index the component's position, from 0
   * @return the value, or {@code null} if it is null
   * @throws IllegalArgumentException if the component is not a user-defined type, or its type is
   *     mapped to a record (read that with {@link #get(int, Class)})
   */
  public UdtValue getUdtValue(int index) {
    return get(index, UdtValue.class);
  }

  /**
   * The component as a {@link TupleValue}.
   *
   * @param index the component's position, from 0
   * @return the value, or {@code null} if it is null
   * @throws IllegalArgumentException if the component is not a tuple
   */
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
