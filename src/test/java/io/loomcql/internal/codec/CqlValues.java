package io.loomcql.internal.codec;

import io.loomcql.type.CqlDuration;
import io.loomcql.type.CqlVector;
import io.loomcql.type.DataType;
import io.loomcql.type.ListType;
import io.loomcql.type.MapType;
import io.loomcql.type.NativeType;
import io.loomcql.type.SetType;
import io.loomcql.type.TupleType;
import io.loomcql.type.UserDefinedType;
import io.loomcql.type.VectorType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Arbitrary Java values for a CQL type, edge cases included, as the decoder returns them. */
final class CqlValues {
  private CqlValues() {}

  static Arbitrary<Object> of(DataType type) {
    return switch (type) {
      case NativeType n -> nativeValues(n).map(v -> (Object) v);
      case ListType l -> of(l.elementType()).list().ofMaxSize(4).map(v -> (Object) v);
      case SetType s -> of(s.elementType()).set().ofMaxSize(4).map(v -> (Object) v);
      case MapType m -> Arbitraries.maps(of(m.keyType()), of(m.valueType())).ofMaxSize(3).map(v -> (Object) v);
      case TupleType t -> fields(t.componentTypes()).map(v -> (Object) t.newValue(v.toArray()));
      case UserDefinedType u -> fields(u.fieldTypes()).map(v -> {
        io.loomcql.type.UdtValue value = u.newValue();
        for (int i = 0; i < v.size(); i++) {
          value = value.with(i, v.get(i));
        }
        return (Object) value;
      });
      case VectorType v -> of(v.elementType()).filter(e -> !isEmptyBlobLike(e, v.elementType()))
          .list().ofSize(v.dimension()).map(l -> (Object) CqlVector.newInstance(l));
      default -> throw new IllegalArgumentException("no values for " + type);
    };
  }

  private static boolean isEmptyBlobLike(Object value, DataType type) {
    return value instanceof ByteBuffer b && !b.hasRemaining() && type == NativeType.BLOB;
  }

  private static Arbitrary<List<Object>> fields(List<DataType> types) {
    @SuppressWarnings("unchecked")
    Arbitrary<Object>[] parts = types.stream().map(t -> of(t).injectNull(0.2)).toArray(Arbitrary[]::new);
    return Combinators.combine(List.of(parts)).as(values -> values);
  }

  private static Arbitrary<?> nativeValues(NativeType type) {
    return switch (type) {
      case ASCII -> Arbitraries.strings().ascii().ofMaxLength(10);
      case TEXT -> Arbitraries.strings().ofMaxLength(10).filter(s -> s.chars().noneMatch(c -> Character.isSurrogate((char) c)));
      case BIGINT, COUNTER -> Arbitraries.longs();
      case BLOB -> Arbitraries.bytes().array(byte[].class).ofMaxSize(8).map(b -> ByteBuffer.wrap(b).asReadOnlyBuffer());
      case BOOLEAN -> Arbitraries.of(true, false);
      case DECIMAL -> Combinators.combine(Arbitraries.bigIntegers().between(BigInteger.TEN.pow(60).negate(), BigInteger.TEN.pow(60)),
          Arbitraries.integers()).as(BigDecimal::new);
      case DOUBLE -> Arbitraries.doubles().withSpecialValue(Double.NaN).withSpecialValue(Double.NEGATIVE_INFINITY)
          .withSpecialValue(Double.MAX_VALUE).withSpecialValue(-0.0);
      case FLOAT -> Arbitraries.floats().withSpecialValue(Float.NaN).withSpecialValue(Float.POSITIVE_INFINITY)
          .withSpecialValue(Float.MIN_VALUE);
      case INT -> Arbitraries.integers();
      case TIMESTAMP -> Arbitraries.longs().map(Instant::ofEpochMilli);
      case UUID -> Arbitraries.longs().tuple2().map(t -> new UUID(t.get1(), t.get2()));
      case TIMEUUID -> Arbitraries.longs().tuple2().map(t -> new UUID((t.get1() & ~0xF000L) | 0x1000L, t.get2()));
      case VARINT -> Arbitraries.bigIntegers().between(BigInteger.TWO.pow(300).negate(), BigInteger.TWO.pow(300));
      case INET -> Arbitraries.oneOf(Arbitraries.bytes().array(byte[].class).ofSize(16).map(CqlValues::inet),
          Arbitraries.bytes().array(byte[].class).ofSize(4).map(CqlValues::inet));
      case DATE -> Arbitraries.longs().between(-(1L << 31), (1L << 31) - 1)
          .filter(d -> d >= LocalDate.MIN.toEpochDay() && d <= LocalDate.MAX.toEpochDay())
          .map(LocalDate::ofEpochDay).edgeCases(c -> c.add(LocalDate.of(2024, 2, 29)));
      case TIME -> Arbitraries.longs().between(0, 86_399_999_999_999L).map(LocalTime::ofNanoOfDay);
      case SMALLINT -> Arbitraries.shorts();
      case TINYINT -> Arbitraries.bytes();
      case DURATION -> durations();
    };
  }

  static Arbitrary<CqlDuration> durations() {
    return Combinators.combine(Arbitraries.integers().between(0, Integer.MAX_VALUE),
        Arbitraries.integers().between(0, Integer.MAX_VALUE), Arbitraries.longs().between(0, Long.MAX_VALUE),
        Arbitraries.of(1, -1))
        .as((m, d, n, sign) -> CqlDuration.of(sign * m, sign * d, sign * n));
  }

  private static InetAddress inet(byte[] bytes) {
    try {
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
