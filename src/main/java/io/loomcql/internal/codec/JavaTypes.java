package io.loomcql.internal.codec;

import io.loomcql.type.CqlDuration;
import io.loomcql.type.CqlVector;
import io.loomcql.type.CustomType;
import io.loomcql.type.DataType;
import io.loomcql.type.ListType;
import io.loomcql.type.MapType;
import io.loomcql.type.NativeType;
import io.loomcql.type.SetType;
import io.loomcql.type.TupleType;
import io.loomcql.type.TupleValue;
import io.loomcql.type.UdtValue;
import io.loomcql.type.UserDefinedType;
import io.loomcql.type.VectorType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The Java class {@link ValueDecoder} returns for each CQL type: the README's mapping table. */
public final class JavaTypes {
  private JavaTypes() {}

  public static Class<?> defaultClass(DataType type) {
    return switch (type) {
      case NativeType n -> switch (n) {
        case ASCII, TEXT -> String.class;
        case BIGINT, COUNTER -> Long.class;
        case BLOB -> ByteBuffer.class;
        case BOOLEAN -> Boolean.class;
        case DECIMAL -> BigDecimal.class;
        case DOUBLE -> Double.class;
        case FLOAT -> Float.class;
        case INT -> Integer.class;
        case TIMESTAMP -> Instant.class;
        case UUID, TIMEUUID -> UUID.class;
        case VARINT -> BigInteger.class;
        case INET -> InetAddress.class;
        case DATE -> LocalDate.class;
        case TIME -> LocalTime.class;
        case SMALLINT -> Short.class;
        case TINYINT -> Byte.class;
        case DURATION -> CqlDuration.class;
      };
      case ListType l -> List.class;
      case SetType s -> Set.class;
      case MapType m -> Map.class;
      case TupleType t -> TupleValue.class;
      case UserDefinedType u -> UdtValue.class;
      case VectorType v -> CqlVector.class;
      case CustomType c -> ByteBuffer.class;
    };
  }

  /** The wrapper class of a primitive type; any other class as it is. */
  public static Class<?> box(Class<?> type) {
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
      default -> type;
    };
  }

  /** The value a primitive component takes for a null cell: its zero, as the Row getters give. */
  public static Object zero(Class<?> primitive) {
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

  /** Whether values of {@code type} can be read as {@code javaType} without a user codec. */
  public static boolean readableAs(DataType type, Class<?> javaType) {
    return javaType.isAssignableFrom(defaultClass(type));
  }
}
