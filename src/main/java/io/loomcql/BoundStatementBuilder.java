package io.loomcql;

import io.loomcql.internal.codec.JavaTypes;
import io.loomcql.internal.protocol.Primitives;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * Builds a {@link BoundStatement} marker by marker, by name or index; markers never set are left
 * unset. Not thread-safe: one builder per thread.
 */
public final class BoundStatementBuilder {
  private final PreparedStatement prepared;
  private final ByteBuffer[] values;

  BoundStatementBuilder(PreparedStatement prepared) {
    this.prepared = prepared;
    this.values = new ByteBuffer[prepared.variableDefinitions().size()];
    Arrays.fill(values, Primitives.UNSET);
  }

  /**
   * Sets a marker by name (case-insensitive unless double-quoted), with the value's declared class.
   * When several markers share the name, only the first is set.
   *
   * @param <T> the Java type of the value
   * @param name the marker's name
   * @param value the value, checked against the marker's CQL type; null binds CQL null
   * @param type the class the value must be an instance of (a primitive class stands for its
   *     wrapper): a raw or unchecked call that passes another value fails here, not later
   * @return this builder
   * @throws IllegalArgumentException if there is no such marker, the value is not a {@code type},
   *     or it does not fit the marker
   */
  public <T> BoundStatementBuilder set(String name, T value, Class<T> type) {
    Objects.requireNonNull(type, "type");
    int index = prepared.variableDefinitions().indexOfExisting(name);
    if (value != null && !JavaTypes.box(type).isInstance(value)) {
      throw new IllegalArgumentException("marker " + index + " (" + name + "): the value is a "
          + value.getClass().getName() + ", not the declared " + type.getName());
    }
    return set(index, value);
  }

  /**
   * Sets a marker by name (case-insensitive unless double-quoted). When several markers share the
   * name, only the first is set.
   *
   * @param name the marker's name
   * @param value the value, checked against the marker's CQL type; null binds CQL null and {@link
   *     Unset#VALUE} unsets the marker
   * @return this builder
   * @throws IllegalArgumentException if there is no such marker or the value does not fit it
   */
  public BoundStatementBuilder set(String name, Object value) {
    return set(prepared.variableDefinitions().indexOfExisting(name), value);
  }

  /**
   * Sets a marker by position.
   *
   * @param index the marker's position, from 0
   * @param value the value, checked against the marker's CQL type; null binds CQL null and {@link
   *     Unset#VALUE} unsets the marker
   * @return this builder
   * @throws IllegalArgumentException if the value does not fit the marker
   * @throws IndexOutOfBoundsException if there is no such marker
   */
  public BoundStatementBuilder set(int index, Object value) {
    values[index] = BoundStatement.encode(prepared.variableDefinitions(), index, value);
    return this;
  }

  /**
   * Binds CQL null to a marker by name: the column is deleted (a tombstone on write).
   *
   * @param name the marker's name
   * @return this builder
   * @throws IllegalArgumentException if there is no such marker
   */
  public BoundStatementBuilder setToNull(String name) {
    return set(name, null);
  }

  /**
   * Leaves a marker by name unset again, as if it had never been set: the column keeps its value
   * (protocol v4 and later).
   *
   * @param name the marker's name
   * @return this builder
   * @throws IllegalArgumentException if there is no such marker
   */
  public BoundStatementBuilder unset(String name) {
    values[prepared.variableDefinitions().indexOfExisting(name)] = Primitives.UNSET;
    return this;
  }

  /**
   * The statement, with the values set so far and default options. The builder stays usable:
   * later changes do not affect statements already built.
   *
   * @return a new bound statement
   */
  public BoundStatement build() {
    return new BoundStatement(prepared, values.clone(), Statement.Options.DEFAULT);
  }
}
