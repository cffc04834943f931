package io.loomcql.internal.mapping;

import io.loomcql.type.UdtValue;
import io.loomcql.type.UserDefinedType;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * User types mapped to records with {@code Session.registerUserType}: values of those types are
 * read as the record, and the record binds as a value of the type, at any nesting depth. JVM-wide
 * and keyed by keyspace and type name, as the types themselves are. Thread-safe.
 */
public final class UserTypeMappings {
  private static final ConcurrentHashMap<String, Class<?>> RECORDS = new ConcurrentHashMap<>();

  private UserTypeMappings() {}

  public static void register(String keyspace, String userType, Class<?> recordClass) {
    RecordComponents.of(recordClass); // fails now if it is not a usable record
    RECORDS.put(key(keyspace, userType), recordClass);
  }

  /** The record class a user type is mapped to, or null. */
  public static Class<?> recordFor(UserDefinedType type) {
    return RECORDS.isEmpty() ? null : RECORDS.get(key(type.keyspace(), type.name()));
  }

  /** The record a decoded value becomes, or the value itself when its type is not mapped. */
  public static Object toJava(UdtValue value) {
    Class<?> record = recordFor(value.type());
    if (record == null) {
      return value;
    }
    RecordComponents components = RecordComponents.of(record);
    Object[] values = new Object[components.size()];
    for (int i = 0; i < components.size(); i++) {
      int field = value.type().indexOf(components.name(i));
      if (field < 0) {
        field = value.type().indexOf(RecordMapper.snakeCase(components.name(i)));
      }
      Object fieldValue = field < 0 ? null : value.getObject(field);
      values[i] = fieldValue == null && components.type(i).isPrimitive()
          ? io.loomcql.internal.codec.JavaTypes.zero(components.type(i))
          : fieldValue;
    }
    return components.construct(values);
  }

  /** A record bound where a user type is expected, as a value of that type (fields by component name). */
  public static UdtValue toUdt(Object record, UserDefinedType type) {
    RecordComponents components = RecordComponents.of(record.getClass());
    UdtValue value = type.newValue();
    for (int i = 0; i < type.fieldNames().size(); i++) {
      int component = components.indexOf(type.fieldNames().get(i));
      if (component >= 0) {
        value = value.with(i, components.value(record, component));
      }
    }
    return value;
  }

  private static String key(String keyspace, String userType) {
    return keyspace.toLowerCase(Locale.ROOT) + "." + userType.toLowerCase(Locale.ROOT);
  }
}
