package io.loomcql.internal.mapping;

import io.loomcql.ColumnDefinition;
import io.loomcql.ColumnDefinitions;
import io.loomcql.Row;
import io.loomcql.RowMapper;
import io.loomcql.internal.codec.JavaTypes;
import io.loomcql.type.NativeType;
import java.util.Locale;

/**
 * Maps rows to a record by component name: column {@code user_id} (or {@code userid}, any case)
 * fills component {@code userId}. What can be computed from the record alone is computed once
 * per record class ({@link RecordComponents}); the column lookup once per set of columns
 * ({@link #bind}); a row then costs one value read per component and the constructor call.
 * Thread-safe.
 */
public final class RecordMapper<T> {
  private static final ClassValue<RecordMapper<?>> CACHE =
      new ClassValue<>() {
        @Override
        protected RecordMapper<?> computeValue(Class<?> type) {
          return new RecordMapper<>(type);
        }
      };

  private final Class<T> type;
  private final RecordComponents components;
  private final Class<?>[] boxed;

  private RecordMapper(Class<T> type) {
    if (!type.isRecord()) {
      throw new IllegalArgumentException(type.getName() + " is not a record; map rows to records, or use map(RowMapper)");
    }
    this.type = type;
    this.components = RecordComponents.of(type);
    this.boxed = new Class<?>[components.size()];
    for (int i = 0; i < boxed.length; i++) {
      boxed[i] = JavaTypes.box(components.type(i));
    }
  }

  /** The mapper of a record class, built once per class. */
  @SuppressWarnings("unchecked")
  public static <T> RecordMapper<T> of(Class<T> type) {
    return (RecordMapper<T>) CACHE.get(type);
  }

  /**
   * Resolves each component to a column of this result, checking what can be checked before any
   * row is read.
   *
   * @throws IllegalArgumentException naming the record, the component and the columns there are,
   *     or the column and both types
   */
  public RowMapper<T> bind(ColumnDefinitions columns) {
    int[] indices = new int[components.size()];
    for (int i = 0; i < indices.length; i++) {
      String name = components.name(i);
      int index = columns.indexOf(name);
      if (index < 0) {
        index = columns.indexOf(snakeCase(name));
      }
      if (index < 0) {
        throw new IllegalArgumentException("record " + type.getSimpleName() + " has component '" + name
            + "' but the result has no column '" + snakeCase(name) + "' or '" + name + "' (columns: "
            + columns.names() + ")");
      }
      checkType(columns.get(index), i);
      indices[i] = index;
    }
    return row -> construct(row, indices);
  }

  private T construct(Row row, int[] indices) {
    Object[] values = new Object[indices.length];
    for (int i = 0; i < indices.length; i++) {
      Object value = row.get(indices[i], boxed[i]);
      Class<?> declared = components.type(i);
      values[i] = value == null && declared.isPrimitive() ? JavaTypes.zero(declared) : value;
    }
    return type.cast(components.construct(values));
  }

  /** Native columns are checked up front; structured ones when read, since user types may map to records. */
  private void checkType(ColumnDefinition column, int component) {
    if (column.type() instanceof NativeType nativeType) {
      Class<?> produced = JavaTypes.defaultClass(nativeType);
      if (!boxed[component].isAssignableFrom(produced)) {
        throw new IllegalArgumentException("column '" + column.name() + "' is of CQL type " + nativeType.asCql()
            + " (read as " + produced.getSimpleName() + "), which cannot fill component '"
            + components.name(component) + "' of type " + components.type(component).getSimpleName()
            + " in record " + type.getSimpleName());
      }
    }
  }

  static String snakeCase(String camel) {
    StringBuilder snake = new StringBuilder(camel.length() + 4);
    for (int i = 0; i < camel.length(); i++) {
      char c = camel.charAt(i);
      if (Character.isUpperCase(c)) {
        if (i > 0) {
          snake.append('_');
        }
        snake.append(Character.toLowerCase(c));
      } else {
        snake.append(c);
      }
    }
    return snake.toString().toLowerCase(Locale.ROOT);
  }
}
