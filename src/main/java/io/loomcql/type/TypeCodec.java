package io.loomcql.type;

import io.loomcql.ProtocolVersion;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Converts between one CQL type and one Java type, for mappings the driver does not have built in
 * (an enum stored as text, a money class stored as decimal, an {@code Optional}). Register it in a
 * {@link CodecRegistry}; {@code Row.get(i, Class)} and prepared-statement binding then use it.
 * Implementations must be immutable and thread-safe: one instance serves every thread.
 *
 * @param <T> the Java type
 */
public interface TypeCodec<T> {
  /**
   * The CQL type this codec reads and writes, compared with the column's type by equality: a
   * codec for {@code list<int>} does not serve a {@code frozen<list<int>>} column.
   *
   * @return the CQL type
   */
  DataType cqlType();

  /**
   * The Java type this codec produces and accepts. A lookup for a supertype finds this codec too.
   *
   * @return the Java class
   */
  Class<T> javaType();

  /**
   * Serializes a value. The value formats are the same in protocol v3 to v5.
   *
   * @param value the value to write, never {@code null} when called by the driver's registry
   * @param version the protocol version; the registry passes v5
   * @return the serialized value, or {@code null} for CQL null
   */
  ByteBuffer encode(T value, ProtocolVersion version);

  /**
   * The Java value of a cell (read between position and limit; do not move it).
   *
   * @param bytes the serialized value, read-only; {@code null} for a null cell
   * @param version the protocol version; the registry passes v5
   * @return the value; may be {@code null}
   */
  T decode(ByteBuffer bytes, ProtocolVersion version);

  /**
   * A codec storing an enum as its constant's name in a CQL {@code text} column. Reading an empty
   * or null cell gives {@code null}.
   *
   * @param <E> the enum type
   * @param enumType the enum's class
   * @return the codec; its {@code decode} throws {@link IllegalArgumentException} for a name the
   *     enum does not have
   * @throws NullPointerException if {@code enumType} is null
   */
  static <E extends Enum<E>> TypeCodec<E> enumAsText(Class<E> enumType) {
    Objects.requireNonNull(enumType, "enumType");
    return new TypeCodec<>() {
      @Override
      public DataType cqlType() {
        return DataType.TEXT;
      }

      @Override
      public Class<E> javaType() {
        return enumType;
      }

      @Override
      public ByteBuffer encode(E value, ProtocolVersion version) {
        return value == null ? null : ByteBuffer.wrap(value.name().getBytes(StandardCharsets.UTF_8));
      }

      @Override
      public E decode(ByteBuffer bytes, ProtocolVersion version) {
        if (bytes == null || !bytes.hasRemaining()) {
          return null;
        }
        byte[] name = new byte[bytes.remaining()];
        bytes.duplicate().get(name);
        return Enum.valueOf(enumType, new String(name, StandardCharsets.UTF_8));
      }

      @Override
      public String toString() {
        return "TypeCodec[text <-> " + enumType.getName() + "]";
      }
    };
  }
}
