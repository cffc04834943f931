package io.loomcql.type;

import io.loomcql.ProtocolVersion;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The codecs the driver uses beyond its built-in mapping (the README's table). Built-in mappings
 * always win for the Java types they cover, so registering cannot slow down or change ordinary
 * reads; a registered codec is consulted only for a (CQL type, Java type) pair the driver does
 * not map itself.
 *
 * <p>For now rows and bound statements use the one global {@link #DEFAULT} registry: register
 * codecs there at startup. Thread-safe: registration may race with reads, lookups take no lock.
 */
public final class CodecRegistry {
  /** The registry rows and prepared statements consult. */
  public static final CodecRegistry DEFAULT = new CodecRegistry();

  /** The protocol version handed to user codecs; value formats are identical in v3 to v5. */
  static final ProtocolVersion VALUE_FORMAT_VERSION = ProtocolVersion.V5;

  private final List<TypeCodec<?>> codecs = new CopyOnWriteArrayList<>();

  /**
   * An empty registry. Rows and statements read only {@link #DEFAULT}, so a registry of your own
   * serves only your own calls to {@link #decode} and {@link #encode}.
   */
  public CodecRegistry() {}

  /**
   * Adds a codec; a later registration for the same CQL and Java types replaces the earlier one.
   * When two codecs could serve one lookup, the one registered last wins.
   *
   * @param codec the codec to add
   * @return this registry, for chaining
   * @throws NullPointerException if {@code codec} is null
   */
  public CodecRegistry register(TypeCodec<?> codec) {
    Objects.requireNonNull(codec, "codec");
    codecs.removeIf(c -> c.cqlType().equals(codec.cqlType()) && c.javaType().equals(codec.javaType()));
    codecs.add(0, codec);
    return this;
  }

  /**
   * True when no codec was registered: lets the hot paths skip every lookup.
   *
   * @return {@code true} if the registry holds no codec
   */
  public boolean isEmpty() {
    return codecs.isEmpty();
  }

  /**
   * The registered codec reading {@code cqlType} as {@code javaType} (or a subtype of it).
   *
   * @param <T> the Java type asked for
   * @param cqlType the column's type, compared with each codec's by equality
   * @param javaType the class the caller wants
   * @return the most recently registered match, or {@code null} if none
   */
  public <T> TypeCodec<? extends T> codecFor(DataType cqlType, Class<T> javaType) {
    for (TypeCodec<?> codec : codecs) {
      if (codec.cqlType().equals(cqlType) && javaType.isAssignableFrom(codec.javaType())) {
        @SuppressWarnings("unchecked")
        TypeCodec<? extends T> match = (TypeCodec<? extends T>) codec;
        return match;
      }
    }
    return null;
  }

  /**
   * The registered codec that can write {@code value} as {@code cqlType}.
   *
   * @param cqlType the marker's type, compared with each codec's by equality
   * @param value the value to write; a codec matches if the value is an instance of its Java type
   * @return the most recently registered match, or {@code null} if none (always for a null value)
   */
  public TypeCodec<?> codecForValue(DataType cqlType, Object value) {
    for (TypeCodec<?> codec : codecs) {
      if (codec.cqlType().equals(cqlType) && codec.javaType().isInstance(value)) {
        return codec;
      }
    }
    return null;
  }

  /**
   * Decodes with a registered codec. The codec sees a read-only view of the cell and protocol v5,
   * whose value formats are those of v3 and v4 too.
   *
   * @param <T> the Java type asked for
   * @param cqlType the column's type
   * @param javaType the class the caller wants
   * @param cell the serialized value, or {@code null} for a null cell
   * @return what the codec returned, or {@code null} when no codec fits (as for a null value: call
   *     {@link #codecFor} to tell them apart)
   */
  public <T> T decode(DataType cqlType, Class<T> javaType, ByteBuffer cell) {
    TypeCodec<? extends T> codec = codecFor(cqlType, javaType);
    return codec == null ? null : codec.decode(cell == null ? null : cell.asReadOnlyBuffer(), VALUE_FORMAT_VERSION);
  }

  /**
   * Encodes with the registered codec for the value's class, or returns null when none fits
   * (the caller then reports the mismatch).
   *
   * @param cqlType the marker's type
   * @param value the value to write
   * @return the serialized value, or {@code null} when no codec fits or the codec wrote CQL null
   */
  public ByteBuffer encode(DataType cqlType, Object value) {
    TypeCodec<?> codec = codecForValue(cqlType, value);
    return codec == null ? null : encodeWith(codec, value);
  }

  private static <T> ByteBuffer encodeWith(TypeCodec<T> codec, Object value) {
    return codec.encode(codec.javaType().cast(value), VALUE_FORMAT_VERSION);
  }

  @Override
  public String toString() {
    return "CodecRegistry" + codecs;
  }
}
