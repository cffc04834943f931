package io.loomcql.internal.codec;

import io.loomcql.type.TupleType;
import io.loomcql.type.TupleValue;
import io.loomcql.type.UdtValue;
import io.loomcql.type.UserDefinedType;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The decoder's way to build tuple and UDT values from lists it just filled: without the checks
 * and the copy of the public factories, which would double the work per cell. The public API
 * cannot do this (it would let a caller keep the list of an "immutable" value): {@link TupleValue}
 * and {@link UdtValue} hand their constructors to this internal, unexported class when they load.
 */
public final class DecodedValues {
  private static volatile BiFunction<TupleType, List<Object>, TupleValue> tuples;
  private static volatile BiFunction<UserDefinedType, List<Object>, UdtValue> udts;

  private DecodedValues() {}

  /** Called once, by TupleValue's static initializer; a second call fails. */
  public static void installTuples(BiFunction<TupleType, List<Object>, TupleValue> wrap) {
    if (tuples != null) {
      throw new IllegalStateException("the tuple factory is installed already");
    }
    tuples = wrap;
  }

  /** Called once, by UdtValue's static initializer; a second call fails. */
  public static void installUdts(BiFunction<UserDefinedType, List<Object>, UdtValue> wrap) {
    if (udts != null) {
      throw new IllegalStateException("the UDT factory is installed already");
    }
    udts = wrap;
  }

  /** A tuple value backed by {@code values}, which the caller must not change afterwards. */
  static TupleValue tuple(TupleType type, List<Object> values) {
    if (tuples == null) {
      initialize(TupleValue.class);
    }
    return tuples.apply(type, values);
  }

  /** A UDT value backed by {@code values}, which the caller must not change afterwards. */
  static UdtValue udt(UserDefinedType type, List<Object> values) {
    if (udts == null) {
      initialize(UdtValue.class);
    }
    return udts.apply(type, values);
  }

  private static void initialize(Class<?> type) {
    try {
      Class.forName(type.getName(), true, type.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
