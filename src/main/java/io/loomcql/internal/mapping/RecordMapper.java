package io.loomcql.internal.mapping;

import io.loomcql.ColumnDefinition;
import io.loomcql.ColumnDefinitions;
import io.loomcql.Row;
import io.loomcql.RowMapper;
import io.loomcql.type.NativeType;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Locale;

/**
 * Maps rows to a record by component name: column {@code user_id} (or {@code userid}, any case)
 * fills component {@code userId}. What can be computed from the record alone is computed once
 * per record class ({@link #of}); the column lookup once per set of columns ({@link #bind}); a
 * row then costs one value read per component and the constructor call. Thread-safe.
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
  private final RecordComponent[] components;
  private final Class<?>[] boxed;
  private final Constructor<T> constructor;

  private RecordMapper(Class<T> type) {
    if (!type.isRecord()) {
      throw new IllegalArgumentException(type.getName() + " is not a record; map rows to records, or use map(RowMapper)");
    }
    this.type = type;
    this.components = type.getRecordComponents();
    this.boxed = new Class<?>[components.length];
    Class<?>[] parameterTypes = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      parameterTypes[i] = components[i].getType();
      boxed[i] = box(components[i].getType());
    }
    try {
      this.constructor = type.getDeclaredConstructor(parameterTypes);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("record " + type.getName() + " has no canonical constructor", e);
    }
    // Records are often package-private; that works on the class path and in packages opened to
    // the driver. Elsewhere the constructor must be public, which construct() says if it is not.
    constructor.trySetAccessible();
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
    int[] indices = new int[components.length];
    for (int i = 0; i < components.length; i++) {
      String name = components[i].getName();
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
    Object[] values = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      Object value = row.get(indices[i], boxed[i]);
      values[i] = value == null && components[i].getType().isPrimitive() ? zero(components[i].getType()) : value;
    }
    try {
      return constructor.newInstance(values);
    } catch (InvocationTargetException e) {
      throw new IllegalArgumentException("the constructor of " + type.getSimpleName() + " refused a row: "
          + e.getCause(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot construct " + type.getName()
          + ": make the record public, or open its package to module io.loomcql", e);
    }
  }

  private void checkType(ColumnDefinition column, int component) {
    if (column.type() instanceof NativeType nativeType) {
      Class<?> produced = javaType(nativeType);
      if (!boxed[component].isAssignableFrom(produced)) {
        throw new IllegalArgumentException("column '" + column.name() + "' is of CQL type " + nativeType.asCql()
            + " (read as " + produced.getSimpleName() + "), which cannot fill component '"
            + components[component].getName() + "' of type " + components[component].getType().getSimpleName()
            + " in record " + type.getSimpleName());
      }
    }
  }

  private static Class<?> javaType(NativeType type) {
    return switch (type) {
      case ASCII, TEXT -> String.class;
      case BIGINT, COUNTER -> Long.class;
      case BLOB, DURATION -> java.nio.ByteBuffer.class;
      case BOOLEAN -> Boolean.class;
      case DECIMAL -> java.math.BigDecimal.class;
      case DOUBLE -> Double.class;
      case FLOAT -> Float.class;
      case INT -> Integer.class;
      case TIMESTAMP -> java.time.Instant.class;
      case UUID, TIMEUUID -> java.util.UUID.class;
      case VARINT -> java.math.BigInteger.class;
      case INET -> java.net.InetAddress.class;
      case DATE -> java.time.LocalDate.class;
      case TIME -> java.time.LocalTime.class;
      case SMALLINT -> Short.class;
      case TINYINT -> Byte.class;
    };
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

  private static Class<?> box(Class<?> type) {
    if (!type.isPrimitive()) {
      return type;
    }
    return switch (type.getName()) {
      case "int" -> Integer.class;
      case "long" -> Long.class;
      case "boolean" -> Boolean.class;
      case "double" -> Double.class;
      case "float" -> Float.class;
      case "short" -> Short.class;
      case "byte" -> Byte.class;
      case "char" -> Character.class;
      default -> throw new IllegalArgumentException("unsupported component type " + type);
    };
  }

  static Object zero(Class<?> primitive) {
    return switch (primitive.getName()) {
      case "boolean" -> false;
      case "long" -> 0L;
      case "double" -> 0.0;
      case "float" -> 0.0f;
      case "short" -> (short) 0;
      case "byte" -> (byte) 0;
      case "char" -> '\0';
      default -> 0;
    };
  }
}
