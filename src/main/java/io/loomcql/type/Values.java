package io.loomcql.type;

import io.loomcql.internal.codec.JavaTypes;
import io.loomcql.internal.codec.TypedEncoder;
import io.loomcql.internal.codec.ValueDecoder;

/** Shared checks of {@link TupleValue} and {@link UdtValue}: normalizing and typed reads. */
final class Values {
  private Values() {}

  /**
   * The value as the decoder would return it (Integer given for bigint becomes Long, float[] a
   * CqlVector), so that equality and typed getters behave the same for built and read values.
   */
  static Object normalize(Object value, DataType type, String where) {
    if (value == null) {
      return null;
    }
    try {
      return ValueDecoder.decode(type, TypedEncoder.encode(value, type));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
    }
  }

  static <T> T as(Object value, Class<T> javaType, DataType type, String where) {
    if (value == null) {
      return null;
    }
    Class<?> boxed = JavaTypes.box(javaType);
    if (boxed.isInstance(value)) {
      @SuppressWarnings("unchecked")
      T cast = (T) boxed.cast(value);
      return cast;
    }
    throw new IllegalArgumentException(
        where + " is of CQL type " + type.asCql() + ", read as " + value.getClass().getName()
            + ", which is not a " + javaType.getName());
  }
}
