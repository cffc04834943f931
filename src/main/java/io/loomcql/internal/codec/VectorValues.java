package io.loomcql.internal.codec;

import io.loomcql.error.ProtocolError;
import io.loomcql.type.CqlVector;
import io.loomcql.type.DataType;
import io.loomcql.type.NativeType;
import io.loomcql.type.VectorType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The vector format (v5 section 5.25, as Cassandra 5.0 writes it): the elements back to back, no
 * count (the dimension is in the type). Elements of a fixed-size type have no length prefix;
 * others are each prefixed by their length as an unsigned vint. Which types are fixed-size
 * follows Cassandra's {@code AbstractType.valueLengthIfFixed()}: boolean, int, float, bigint,
 * double, timestamp, uuid, timeuuid, and vectors of those. (smallint, tinyint, date and time are
 * variable-size in Cassandra, surprisingly.)
 */
public final class VectorValues {
  private VectorValues() {}

  /** The size of every element of this type, or -1 when elements carry their own length. */
  public static int fixedSize(DataType type) {
    return switch (type) {
      case NativeType n -> switch (n) {
        case BOOLEAN -> 1;
        case INT, FLOAT -> 4;
        case BIGINT, DOUBLE, TIMESTAMP -> 8;
        case UUID, TIMEUUID -> 16;
        default -> -1;
      };
      case VectorType v -> {
        int element = fixedSize(v.elementType());
        yield element < 0 || (long) element * v.dimension() > Integer.MAX_VALUE ? -1 : element * v.dimension();
      }
      default -> -1;
    };
  }

  /** Joins already-serialized elements, with or without length prefixes. */
  public static ByteBuffer join(List<ByteBuffer> elements, boolean fixed) {
    int size = 0;
    for (ByteBuffer element : elements) {
      size += element.remaining() + (fixed ? 0 : VInts.sizeOfUnsigned(element.remaining()));
    }
    ByteBuffer out = ByteBuffer.allocate(size);
    for (ByteBuffer element : elements) {
      if (!fixed) {
        VInts.writeUnsigned(element.remaining(), out);
      }
      out.put(element.duplicate());
    }
    return out.flip();
  }

  /** Decodes the cell (not moved) with each element read by {@code element}. */
  public static CqlVector<Object> decode(VectorType type, ByteBuffer cell, Function<ByteBuffer, Object> element) {
    ByteBuffer in = cell.duplicate();
    int fixed = fixedSize(type.elementType());
    int dimension = type.dimension();
    if (fixed >= 0 && (long) fixed * dimension != in.remaining()) {
      throw new ProtocolError(type.asCql() + " value of " + in.remaining() + " bytes; expected " + (long) fixed * dimension);
    }
    if (fixed < 0 && dimension > in.remaining()) {
      throw new ProtocolError(type.asCql() + " value of " + in.remaining() + " bytes cannot hold " + dimension + " elements");
    }
    List<Object> values = new ArrayList<>(dimension);
    for (int i = 0; i < dimension; i++) {
      int length = fixed >= 0 ? fixed : length(in, type);
      Object value = element.apply(in.slice(in.position(), length));
      if (value == null) {
        throw new ProtocolError(type.asCql() + " element " + i + " is empty");
      }
      values.add(value);
      in.position(in.position() + length);
    }
    if (in.hasRemaining()) {
      throw new ProtocolError(type.asCql() + " value with " + in.remaining() + " trailing bytes");
    }
    return CqlVector.newInstance(values);
  }

  private static int length(ByteBuffer in, VectorType type) {
    long length = VInts.readUnsigned(in);
    if (length < 0 || length > in.remaining()) {
      throw new ProtocolError(type.asCql() + " element of " + length + " bytes, " + in.remaining() + " remain");
    }
    return (int) length;
  }
}
