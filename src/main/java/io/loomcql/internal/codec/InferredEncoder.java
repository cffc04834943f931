package io.loomcql.internal.codec;

import io.loomcql.internal.protocol.Primitives;
import io.loomcql.type.CqlDuration;
import io.loomcql.type.CqlVector;
import io.loomcql.type.TupleValue;
import io.loomcql.type.UdtValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Serializes the values of a simple (unprepared) statement from their Java types alone, since
 * the driver does not know the markers' CQL types. The mapping is the documented default one:
 * String as text, Integer as int, Long as bigint, Instant as timestamp, and so on. A type that
 * does not fit the column is then the server's InvalidQueryException.
 */
public final class InferredEncoder {
  private InferredEncoder() {}

  /**
   * The wire form of a value; null stays null (CQL null), {@link Primitives#UNSET} stays unset.
   *
   * @throws IllegalArgumentException naming the Java type when it has no CQL mapping
   */
  public static ByteBuffer encode(Object value) {
    return switch (value) {
      case null -> null;
      case ByteBuffer bytes when bytes == Primitives.UNSET -> bytes;
      case String s -> ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
      case Integer i -> ByteBuffer.allocate(4).putInt(0, i);
      case Long l -> ByteBuffer.allocate(8).putLong(0, l);
      case Boolean b -> ByteBuffer.wrap(new byte[] {(byte) (b ? 1 : 0)});
      case Double d -> ByteBuffer.allocate(8).putDouble(0, d);
      case Float f -> ByteBuffer.allocate(4).putFloat(0, f);
      case Short s -> ByteBuffer.allocate(2).putShort(0, s);
      case Byte b -> ByteBuffer.wrap(new byte[] {b});
      case UUID u -> ByteBuffer.allocate(16).putLong(0, u.getMostSignificantBits()).putLong(8, u.getLeastSignificantBits());
      case Instant t -> ByteBuffer.allocate(8).putLong(0, t.toEpochMilli());
      case LocalDate d -> NativeValues.encodeDate(d);
      case LocalTime t -> ByteBuffer.allocate(8).putLong(0, t.toNanoOfDay());
      case ByteBuffer bytes -> bytes.duplicate();
      case byte[] bytes -> ByteBuffer.wrap(bytes.clone());
      case BigInteger i -> ByteBuffer.wrap(i.toByteArray());
      case BigDecimal d -> NativeValues.encodeDecimal(d);
      case InetAddress a -> ByteBuffer.wrap(a.getAddress());
      case CqlDuration d -> DurationValues.encode(d);
      case TupleValue t -> TypedEncoder.encode(t, t.type());
      case UdtValue u -> TypedEncoder.encode(u, u.type());
      case CqlVector<?> v -> encodeVector(v.asList());
      case float[] floats -> encodeVector(CqlVector.ofFloats(floats).asList());
      case Collection<?> c -> encodeCollection(c);
      case Map<?, ?> m -> encodeMap(m);
      default ->
          throw new IllegalArgumentException(
              "no CQL type for Java type " + value.getClass().getName() + " (see the type mapping in the README)");
    };
  }

  /**
   * A vector's element type is inferred from its first element: elements of a fixed-size CQL type
   * (Float, Double, Integer, Long, Boolean, UUID, Instant) go without length prefixes.
   */
  private static ByteBuffer encodeVector(List<?> elements) {
    boolean fixed = !elements.isEmpty() && switch (elements.get(0)) {
      case Float f -> true;
      case Double d -> true;
      case Integer i -> true;
      case Long l -> true;
      case Boolean b -> true;
      case UUID u -> true;
      case Instant t -> true;
      default -> false;
    };
    List<ByteBuffer> parts = new ArrayList<>(elements.size());
    for (Object element : elements) {
      if (element.getClass() != elements.get(0).getClass()) {
        throw new IllegalArgumentException("vector elements of different Java types: "
            + elements.get(0).getClass().getName() + " and " + element.getClass().getName());
      }
      parts.add(encode(element));
    }
    return VectorValues.join(parts, fixed);
  }

  private static ByteBuffer encodeCollection(Collection<?> collection) {
    ByteBuffer[] elements = new ByteBuffer[collection.size()];
    int size = 4;
    int i = 0;
    for (Object element : collection) {
      if (element == null) {
        throw new IllegalArgumentException("collections cannot contain null elements");
      }
      elements[i] = encode(element);
      size += 4 + elements[i].remaining();
      i++;
    }
    ByteBuffer out = ByteBuffer.allocate(size).putInt(elements.length);
    for (ByteBuffer element : elements) {
      out.putInt(element.remaining()).put(element);
    }
    return out.flip();
  }

  private static ByteBuffer encodeMap(Map<?, ?> map) {
    ByteBuffer[] parts = new ByteBuffer[map.size() * 2];
    int size = 4;
    int i = 0;
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      if (entry.getKey() == null || entry.getValue() == null) {
        throw new IllegalArgumentException("maps cannot contain null keys or values");
      }
      parts[i] = encode(entry.getKey());
      parts[i + 1] = encode(entry.getValue());
      size += 8 + parts[i].remaining() + parts[i + 1].remaining();
      i += 2;
    }
    ByteBuffer out = ByteBuffer.allocate(size).putInt(map.size());
    for (ByteBuffer part : parts) {
      out.putInt(part.remaining()).put(part);
    }
    return out.flip();
  }
}
