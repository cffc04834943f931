package io.loomcql.internal.codec;

import io.loomcql.Unset;
import io.loomcql.internal.protocol.Primitives;
import io.loomcql.internal.protocol.ValueList;
import io.loomcql.type.CodecRegistry;
import io.loomcql.type.CqlDuration;
import io.loomcql.type.CustomType;
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
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * Serializes a value for a bind marker whose CQL type the driver knows (prepared statements),
 * checking the Java type and the range first, so that a wrong value fails here, before anything
 * is sent. Integral values narrower than the column are widened; wider ones are accepted only
 * when they fit.
 */
public final class TypedEncoder {
  private TypedEncoder() {}

  /**
   * @throws IllegalArgumentException saying which Java type was given and which the CQL type takes
   */
  public static ByteBuffer encode(Object value, DataType type) {
    if (value == null) {
      return null;
    }
    if (value == Unset.VALUE || value == Primitives.UNSET) {
      return Primitives.UNSET;
    }
    if (CodecRegistry.DEFAULT.isEmpty()) {
      return encodeBuiltIn(value, type);
    }
    try {
      return encodeBuiltIn(value, type);
    } catch (IllegalArgumentException mismatch) {
      // Built-in mappings win; a registered codec only covers what they reject.
      ByteBuffer custom = CodecRegistry.DEFAULT.encode(type, value);
      if (custom == null) {
        throw mismatch;
      }
      return custom;
    }
  }

  /**
   * The bytes {@link #writeFixed} writes for this value after its length: the width of a fixed-size
   * number or boolean, 0 for null and unset; -1 when the value must go through {@link #encode}
   * instead (other types, or a codec registry that might take over).
   */
  public static int fixedSize(Object value, DataType type) {
    if (value == null || value == Unset.VALUE || value == Primitives.UNSET) {
      return 0;
    }
    if (!(type instanceof NativeType n) || !CodecRegistry.DEFAULT.isEmpty()) {
      return -1;
    }
    return switch (n) {
      case BIGINT, COUNTER, DOUBLE -> 8;
      case INT, FLOAT -> 4;
      case SMALLINT -> 2;
      case TINYINT, BOOLEAN -> 1;
      default -> -1;
    };
  }

  /**
   * Writes a value whose {@link #fixedSize} is not -1 as a {@code [value]} (length, then bytes)
   * at {@code at}, with the checks and errors of {@link #encode}.
   *
   * @return the offset after what was written
   * @throws IllegalArgumentException saying which Java type was given and which the CQL type takes
   */
  public static int writeFixed(Object value, DataType type, byte[] out, int at) {
    if (value == null) {
      return ValueList.putInt(out, at, -1);
    }
    if (value == Unset.VALUE || value == Primitives.UNSET) {
      return ValueList.putInt(out, at, -2);
    }
    NativeType n = (NativeType) type;
    return switch (n) {
      case BIGINT, COUNTER -> putLong(out, at, integral(value, n, Long.MIN_VALUE, Long.MAX_VALUE));
      case INT -> putInt(out, at, 4, integral(value, n, Integer.MIN_VALUE, Integer.MAX_VALUE));
      case SMALLINT -> putInt(out, at, 2, integral(value, n, Short.MIN_VALUE, Short.MAX_VALUE));
      case TINYINT -> putInt(out, at, 1, integral(value, n, Byte.MIN_VALUE, Byte.MAX_VALUE));
      case BOOLEAN -> value instanceof Boolean b ? putInt(out, at, 1, b ? 1 : 0) : throwMismatch(value, n);
      case DOUBLE -> value instanceof Double || value instanceof Float
          ? putLong(out, at, Double.doubleToRawLongBits(((Number) value).doubleValue()))
          : throwMismatch(value, n);
      case FLOAT -> value instanceof Float f ? putInt(out, at, 4, Float.floatToRawIntBits(f)) : throwMismatch(value, n);
      default -> throw new IllegalArgumentException("CQL " + n.asCql() + " has no fixed size");
    };
  }

  private static int putLong(byte[] out, int at, long value) {
    at = ValueList.putInt(out, at, 8);
    ValueList.putInt(out, at, (int) (value >>> 32));
    return ValueList.putInt(out, at + 4, (int) value);
  }

  /** Writes the length {@code width} and then the low {@code width} bytes of {@code value}, big-endian. */
  private static int putInt(byte[] out, int at, int width, long value) {
    at = ValueList.putInt(out, at, width);
    for (int i = width - 1; i >= 0; i--) {
      out[at++] = (byte) (value >>> (8 * i));
    }
    return at;
  }

  private static int throwMismatch(Object value, NativeType type) {
    throw mismatch(value, type, javaTypeFor(type));
  }

  private static ByteBuffer encodeBuiltIn(Object value, DataType type) {
    return switch (type) {
      case NativeType n -> encodeNative(value, n);
      case ListType l -> encodeElements(value, l.elementType(), "list", Collection.class);
      case SetType s -> encodeElements(value, s.elementType(), "set", Collection.class);
      case MapType m -> encodeMap(value, m);
      case TupleType t -> StructuredEncoder.tuple(value, t);
      case UserDefinedType u -> StructuredEncoder.udt(value, u);
      case VectorType v -> StructuredEncoder.vector(value, v);
      case CustomType c -> switch (value) {
        case ByteBuffer b -> b.duplicate();
        case byte[] b -> ByteBuffer.wrap(b.clone());
        default -> throw mismatch(value, type, "ByteBuffer or byte[] (serialized value)");
      };
    };
  }

  private static ByteBuffer encodeNative(Object value, NativeType type) {
    // Each case yields null when the Java type does not fit; integral cases throw their own range error.
    ByteBuffer encoded = switch (type) {
      case TEXT -> value instanceof String s ? ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8)) : null;
      case ASCII -> value instanceof String s ? ascii(s) : null;
      case INT -> ByteBuffer.allocate(4).putInt(0, (int) integral(value, type, Integer.MIN_VALUE, Integer.MAX_VALUE));
      case BIGINT, COUNTER -> ByteBuffer.allocate(8).putLong(0, integral(value, type, Long.MIN_VALUE, Long.MAX_VALUE));
      case SMALLINT -> ByteBuffer.allocate(2).putShort(0, (short) integral(value, type, Short.MIN_VALUE, Short.MAX_VALUE));
      case TINYINT -> ByteBuffer.wrap(new byte[] {(byte) integral(value, type, Byte.MIN_VALUE, Byte.MAX_VALUE)});
      case BOOLEAN -> value instanceof Boolean b ? ByteBuffer.wrap(new byte[] {(byte) (b ? 1 : 0)}) : null;
      case DOUBLE ->
          value instanceof Double || value instanceof Float
              ? ByteBuffer.allocate(8).putDouble(0, ((Number) value).doubleValue())
              : null;
      case FLOAT -> value instanceof Float f ? ByteBuffer.allocate(4).putFloat(0, f) : null;
      case VARINT -> switch (value) {
        case BigInteger i -> ByteBuffer.wrap(i.toByteArray());
        case Long l -> ByteBuffer.wrap(BigInteger.valueOf(l).toByteArray());
        case Integer i -> ByteBuffer.wrap(BigInteger.valueOf(i).toByteArray());
        default -> null;
      };
      case DECIMAL -> value instanceof BigDecimal d ? NativeValues.encodeDecimal(d) : null;
      case UUID -> value instanceof UUID ? InferredEncoder.encode(value) : null;
      case TIMEUUID -> value instanceof UUID u ? timeuuid(u) : null;
      case TIMESTAMP -> value instanceof Instant t ? ByteBuffer.allocate(8).putLong(0, t.toEpochMilli()) : null;
      case DATE -> value instanceof LocalDate d ? NativeValues.encodeDate(d) : null;
      case TIME -> value instanceof LocalTime t ? ByteBuffer.allocate(8).putLong(0, t.toNanoOfDay()) : null;
      case INET -> value instanceof InetAddress a ? ByteBuffer.wrap(a.getAddress()) : null;
      case BLOB -> switch (value) {
        case ByteBuffer b -> b.duplicate();
        case byte[] b -> ByteBuffer.wrap(b.clone());
        default -> null;
      };
      case DURATION -> switch (value) {
        case CqlDuration d -> DurationValues.encode(d);
        case ByteBuffer b -> b.duplicate();
        default -> null;
      };
    };
    if (encoded == null) {
      throw mismatch(value, type, javaTypeFor(type));
    }
    return encoded;
  }

  private static long integral(Object value, NativeType type, long min, long max) {
    long number = switch (value) {
      case Long l -> l;
      case Integer i -> i;
      case Short s -> s;
      case Byte b -> b;
      default -> throw mismatch(value, type, javaTypeFor(type));
    };
    if (number < min || number > max) {
      throw new IllegalArgumentException("value " + number + " is out of range for CQL " + type.asCql()
          + " [" + min + ", " + max + "]");
    }
    return number;
  }

  private static ByteBuffer ascii(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) > 0x7F) {
        throw new IllegalArgumentException(
            "CQL ascii takes only US-ASCII characters; found '" + value.charAt(i) + "' at index " + i);
      }
    }
    return ByteBuffer.wrap(value.getBytes(StandardCharsets.US_ASCII));
  }

  private static ByteBuffer timeuuid(UUID value) {
    if (value.version() != 1) {
      throw new IllegalArgumentException("CQL timeuuid takes a version 1 UUID; got version " + value.version());
    }
    return InferredEncoder.encode(value);
  }

  private static ByteBuffer encodeElements(Object value, DataType element, String kind, Class<?> expected) {
    if (!(value instanceof Collection<?> collection)) {
      throw mismatch(value, kind.equals("list") ? DataType.listOf(element) : DataType.setOf(element), expected.getSimpleName());
    }
    ByteBuffer[] parts = new ByteBuffer[collection.size()];
    int size = 4;
    int i = 0;
    for (Object item : collection) {
      if (item == null) {
        throw new IllegalArgumentException("a CQL " + kind + " cannot contain null (element " + i + ")");
      }
      parts[i] = encodeElement(item, element, kind + " element " + i);
      size += 4 + parts[i].remaining();
      i++;
    }
    return join(parts, size, parts.length);
  }

  private static ByteBuffer encodeMap(Object value, MapType type) {
    if (!(value instanceof Map<?, ?> map)) {
      throw mismatch(value, type, "Map");
    }
    ByteBuffer[] parts = new ByteBuffer[map.size() * 2];
    int size = 4;
    int i = 0;
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      if (entry.getKey() == null || entry.getValue() == null) {
        throw new IllegalArgumentException("a CQL map cannot contain null keys or values");
      }
      parts[i] = encodeElement(entry.getKey(), type.keyType(), "map key");
      parts[i + 1] = encodeElement(entry.getValue(), type.valueType(), "map value");
      size += 8 + parts[i].remaining() + parts[i + 1].remaining();
      i += 2;
    }
    return join(parts, size, map.size());
  }

  private static ByteBuffer encodeElement(Object item, DataType type, String where) {
    try {
      return encode(item, type);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
    }
  }

  private static ByteBuffer join(ByteBuffer[] parts, int size, int count) {
    ByteBuffer out = ByteBuffer.allocate(size).putInt(count);
    for (ByteBuffer part : parts) {
      out.putInt(part.remaining()).put(part);
    }
    return out.flip();
  }

  private static IllegalArgumentException mismatch(Object value, DataType type, String accepted) {
    return new IllegalArgumentException(
        "CQL " + type.asCql() + " does not take a " + value.getClass().getName() + " (it takes " + accepted + ")");
  }

  private static String javaTypeFor(NativeType type) {
    return switch (type) {
      case ASCII, TEXT -> "String";
      case BIGINT, COUNTER -> "Long (or a narrower integer)";
      case INT -> "Integer (or Short, Byte)";
      case SMALLINT -> "Short (or an integer in range)";
      case TINYINT -> "Byte (or an integer in range)";
      case BOOLEAN -> "Boolean";
      case DOUBLE -> "Double or Float";
      case FLOAT -> "Float";
      case VARINT -> "BigInteger, Long or Integer";
      case DECIMAL -> "BigDecimal";
      case UUID, TIMEUUID -> "UUID";
      case TIMESTAMP -> "Instant";
      case DATE -> "LocalDate";
      case TIME -> "LocalTime";
      case INET -> "InetAddress";
      case BLOB -> "ByteBuffer or byte[]";
      case DURATION -> "CqlDuration";
    };
  }
}
