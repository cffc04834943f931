package io.loomcql.type;

import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code tuple<a, b, ...>}; tuples are always frozen in CQL.
 *
 * @param componentTypes the type of each component, in order; copied, unmodifiable
 */
public record TupleType(List<DataType> componentTypes) implements DataType {
  /**
   * Copies the component types.
   *
   * @param componentTypes the type of each component, in order
   * @throws NullPointerException if the list or one of its types is null
   */
  public TupleType {
    componentTypes = List.copyOf(componentTypes);
  }

  /**
   * A value of this tuple type; missing trailing values are null.
   *
   * @param values the components, in order; each must fit its component type
   * @return the new value
   * @throws IllegalArgumentException on too many values or a value of the wrong type
   */
  public TupleValue newValue(Object... values) {
    return TupleValue.of(this, values);
  }

  /**
   * The type as CQL writes it, always frozen.
   *
   * @return for example {@code frozen<tuple<int, text>>}
   */
  @Override
  public String asCql() {
    return componentTypes.stream().map(DataType::asCql).collect(Collectors.joining(", ", "frozen<tuple<", ">>"));
  }
}
