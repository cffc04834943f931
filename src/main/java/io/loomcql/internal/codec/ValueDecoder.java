package io.loomcql.internal.codec;

import io.loomcql.error.ProtocolError;
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
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decodes a cell to the default Java object of its CQL type (the mapping table in the README).
 * Used by {@code Row.getObject}; the typed getters read primitives without boxing.
 */
public final class ValueDecoder {
  private ValueDecoder() {}

  /** A user type's value as a {@link UdtValue}, even when the type is mapped to a record. */
  public static UdtValue decodeUdt(UserDefinedType type, ByteBuffer cell) {
    if (cell == null || !cell.hasRemaining()) {
      return null;
    }
    return DecodedValues.udt(type, decodeFields(type.fieldTypes(), cell));
  }

  /** The Java value of a cell; null for a null cell, and for an empty cell of a non-text type. */
  public static Object decode(DataType type, ByteBuffer cell) {
    if (cell == null) {
      return null;
    }
    if (!cell.hasRemaining() && !isEmptyValid(type)) {
      return null;
    }
    return switch (type) {
      case NativeType n -> decodeNative(n, cell);
      case ListType l -> Collections.unmodifiableList(decodeElements(l.elementType(), cell, new ArrayList<>()));
      case SetType s -> Collections.unmodifiableSet(decodeElements(s.elementType(), cell, new LinkedHashSet<>()));
      case MapType m -> decodeMap(m, cell);
      case TupleType t -> DecodedValues.tuple(t, decodeFields(t.componentTypes(), cell));
      case UserDefinedType u ->
          io.loomcql.internal.mapping.UserTypeMappings.toJava(DecodedValues.udt(u, decodeFields(u.fieldTypes(), cell)));
      case VectorType v -> VectorValues.decode(v, cell, element -> decode(v.elementType(), element));
      case CustomType c -> cell.asReadOnlyBuffer();
    };
  }

  private static boolean isEmptyValid(DataType type) {
    return type == NativeType.TEXT || type == NativeType.ASCII || type == NativeType.BLOB || type instanceof CustomType;
  }

  private static Object decodeNative(NativeType type, ByteBuffer cell) {
    return switch (type) {
      case ASCII, TEXT -> NativeValues.readText(cell);
      case BIGINT, COUNTER -> NativeValues.readLong(cell);
      case BLOB -> cell.asReadOnlyBuffer();
      case DURATION -> DurationValues.decode(cell);
      case BOOLEAN -> NativeValues.readBoolean(cell);
      case DECIMAL -> NativeValues.readDecimal(cell);
      case DOUBLE -> NativeValues.readDouble(cell);
      case FLOAT -> NativeValues.readFloat(cell);
      case INT -> NativeValues.readInt(cell);
      case TIMESTAMP -> NativeValues.readTimestamp(cell);
      case UUID, TIMEUUID -> NativeValues.readUuid(cell);
      case VARINT -> NativeValues.readVarint(cell);
      case INET -> NativeValues.readInet(cell);
      case DATE -> NativeValues.readDate(cell);
      case TIME -> NativeValues.readTime(cell);
      case SMALLINT -> NativeValues.readShort(cell);
      case TINYINT -> NativeValues.readByte(cell);
    };
  }

  private static <C extends java.util.Collection<Object>> C decodeElements(DataType element, ByteBuffer cell, C out) {
    ByteBuffer in = cell.duplicate();
    int count = readCount(in);
    for (int i = 0; i < count; i++) {
      out.add(decode(element, readElement(in)));
    }
    return out;
  }

  private static Map<Object, Object> decodeMap(MapType type, ByteBuffer cell) {
    ByteBuffer in = cell.duplicate();
    int count = readCount(in);
    Map<Object, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      Object key = decode(type.keyType(), readElement(in));
      map.put(key, decode(type.valueType(), readElement(in)));
    }
    return Collections.unmodifiableMap(map);
  }

  /** Tuples and UDTs: one [bytes] per field; a value written by an older schema may have fewer. */
  private static List<Object> decodeFields(List<DataType> types, ByteBuffer cell) {
    ByteBuffer in = cell.duplicate();
    List<Object> values = new ArrayList<>(types.size());
    for (DataType type : types) {
      values.add(in.hasRemaining() ? decode(type, readElement(in)) : null);
    }
    return values;
  }

  private static int readCount(ByteBuffer in) {
    if (in.remaining() < 4) {
      throw new ProtocolError("collection of " + in.remaining() + " bytes has no element count");
    }
    int count = in.getInt();
    if (count < 0 || 4L * count > in.remaining()) {
      throw new ProtocolError("collection claims " + count + " elements in " + in.remaining() + " bytes");
    }
    return count;
  }

  private static ByteBuffer readElement(ByteBuffer in) {
    if (in.remaining() < 4) {
      throw new ProtocolError("truncated collection element");
    }
    int length = in.getInt();
    if (length < 0) {
      return null;
    }
    if (length > in.remaining()) {
      throw new ProtocolError("collection element of " + length + " bytes, " + in.remaining() + " remain");
    }
    ByteBuffer element = in.slice(in.position(), length);
    in.position(in.position() + length);
    return element;
  }
}
