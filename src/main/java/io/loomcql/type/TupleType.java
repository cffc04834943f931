package io.loomcql.type;

import java.util.List;
import java.util.stream.Collectors;

/** {@code tuple<a, b, ...>}; tuples are always frozen in CQL. */
public record TupleType(List<DataType> componentTypes) implements DataType {
  public TupleType {
    componentTypes = List.copyOf(componentTypes);
  }

  /**
   * A value of this tuple type; missing trailing values are null.
   *
   * @throws IllegalArgumentException on too many values or a value of the wrong type
   */
  public TupleValue newValue(Object... values) {
    return TupleValue.of(this, values);
  }

  @Override
  public String asCql() {
    return componentTypes.stream().map(DataType::asCql).collect(Collectors.joining(", ", "frozen<tuple<", ">>"));
  }
}
