package io.loomcql.internal.mapping;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Locale;

/**
 * A record class seen as named values: component names (and their snake_case forms, as CQL
 * columns and UDT fields are spelled), accessors and the canonical constructor. Built once per
 * class ({@link #of}); thread-safe.
 */
public final class RecordComponents {
  private static final ClassValue<RecordComponents> CACHE =
      new ClassValue<>() {
        @Override
        protected RecordComponents computeValue(Class<?> type) {
          return new RecordComponents(type);
        }
      };

  private final Class<?> type;
  private final String[] names;
  private final String[] snakeNames;
  private final Class<?>[] types;
  private final Method[] accessors;
  private final Constructor<?> constructor;

  private RecordComponents(Class<?> type) {
    if (!type.isRecord()) {
      throw new IllegalArgumentException(type.getName() + " is not a record");
    }
    this.type = type;
    RecordComponent[] components = type.getRecordComponents();
    names = new String[components.length];
    snakeNames = new String[components.length];
    types = new Class<?>[components.length];
    accessors = new Method[components.length];
    for (int i = 0; i < components.length; i++) {
      names[i] = components[i].getName();
      snakeNames[i] = RecordMapper.snakeCase(names[i]);
      types[i] = components[i].getType();
      accessors[i] = components[i].getAccessor();
      accessors[i].trySetAccessible(); // package-private records work on the class path
    }
    try {
      constructor = type.getDeclaredConstructor(types);
      constructor.trySetAccessible();
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("record " + type.getName() + " has no canonical constructor", e);
    }
  }

  public static RecordComponents of(Class<?> type) {
    return CACHE.get(type);
  }

  public int size() {
    return names.length;
  }

  public String name(int index) {
    return names[index];
  }

  public Class<?> type(int index) {
    return types[index];
  }

  /** The component a CQL name (column, marker or field) stands for: exact or snake_case, any case; -1 if none. */
  public int indexOf(String cqlName) {
    for (int i = 0; i < names.length; i++) {
      if (names[i].equalsIgnoreCase(cqlName) || snakeNames[i].equals(cqlName.toLowerCase(Locale.ROOT))) {
        return i;
      }
    }
    return -1;
  }

  public Object value(Object record, int index) {
    try {
      return accessors[index].invoke(record);
    } catch (InvocationTargetException e) {
      throw new IllegalArgumentException("accessor " + names[index] + "() of " + type.getSimpleName() + " threw "
          + e.getCause(), e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(accessError(), e);
    }
  }

  public Object construct(Object[] values) {
    try {
      return constructor.newInstance(values);
    } catch (InvocationTargetException e) {
      throw new IllegalArgumentException("the constructor of " + type.getSimpleName() + " refused the values: "
          + e.getCause(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(accessError(), e);
    }
  }

  private String accessError() {
    return "cannot use record " + type.getName() + ": make it public, or open its package to module io.loomcql";
  }

  public Class<?> recordType() {
    return type;
  }
}
