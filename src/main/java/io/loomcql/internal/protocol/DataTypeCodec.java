package io.loomcql.internal.protocol;

import io.loomcql.ProtocolVersion;
import io.loomcql.error.ProtocolError;
import io.loomcql.internal.codec.MarshalTypes;
import io.loomcql.type.CustomType;
import io.loomcql.type.DataType;
import io.loomcql.type.ListType;
import io.loomcql.type.MapType;
import io.loomcql.type.NativeType;
import io.loomcql.type.SetType;
import io.loomcql.type.TupleType;
import io.loomcql.type.UserDefinedType;
import io.loomcql.type.VectorType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Reads and writes a CQL type as the protocol's [option] (v4 section 4.2.5.2). */
public final class DataTypeCodec {
  static final String DURATION_CLASS = "org.apache.cassandra.db.marshal.DurationType";

  private static final int CUSTOM = 0x0000;
  private static final int LIST = 0x0020;
  private static final int MAP = 0x0021;
  private static final int SET = 0x0022;
  private static final int UDT = 0x0030;
  private static final int TUPLE = 0x0031;

  /** Deeper nesting than any real schema; bounds recursion on hostile input. */
  private static final int MAX_DEPTH = 64;

  private DataTypeCodec() {}

  public static DataType decode(ByteBuffer in, ProtocolVersion version) {
    return decode(in, version, 0);
  }

  private static DataType decode(ByteBuffer in, ProtocolVersion version, int depth) {
    if (depth > MAX_DEPTH) {
      throw new ProtocolError("type nested deeper than " + MAX_DEPTH + " levels");
    }
    int id = Primitives.readUnsignedShort(in);
    return switch (id) {
      case CUSTOM -> {
        String className = Primitives.readString(in);
        if (DURATION_CLASS.equals(className)) {
          yield NativeType.DURATION;
        }
        yield MarshalTypes.isVector(className) ? MarshalTypes.parse(className) : new CustomType(className);
      }
      case LIST -> new ListType(decode(in, version, depth + 1), false);
      case SET -> new SetType(decode(in, version, depth + 1), false);
      case MAP -> new MapType(decode(in, version, depth + 1), decode(in, version, depth + 1), false);
      case UDT -> {
        String keyspace = Primitives.readString(in);
        String name = Primitives.readString(in);
        int count = Primitives.readUnsignedShort(in);
        Primitives.need(in, 4L * count, "UDT of " + count + " fields");
        List<String> names = new ArrayList<>(count);
        List<DataType> types = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
          names.add(Primitives.readString(in));
          types.add(decode(in, version, depth + 1));
        }
        yield new UserDefinedType(keyspace, name, names, types, true);
      }
      case TUPLE -> {
        int count = Primitives.readUnsignedShort(in);
        Primitives.need(in, 2L * count, "tuple of " + count + " components");
        List<DataType> types = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
          types.add(decode(in, version, depth + 1));
        }
        yield new TupleType(types);
      }
      default -> {
        NativeType type = NativeType.fromProtocolId(id);
        if (type == null) {
          throw new ProtocolError("unknown type id 0x" + Integer.toHexString(id));
        }
        yield type;
      }
    };
  }

  public static int encodedSize(DataType type, ProtocolVersion version) {
    return switch (type) {
      case NativeType n ->
          n == NativeType.DURATION && version.code() < 5 ? 2 + Primitives.sizeOfString(DURATION_CLASS) : 2;
      case CustomType c -> 2 + Primitives.sizeOfString(c.className());
      case ListType l -> 2 + encodedSize(l.elementType(), version);
      case SetType s -> 2 + encodedSize(s.elementType(), version);
      case MapType m -> 2 + encodedSize(m.keyType(), version) + encodedSize(m.valueType(), version);
      case UserDefinedType u -> {
        int size = 2 + Primitives.sizeOfString(u.keyspace()) + Primitives.sizeOfString(u.name()) + 2;
        for (int i = 0; i < u.fieldNames().size(); i++) {
          size += Primitives.sizeOfString(u.fieldNames().get(i)) + encodedSize(u.fieldTypes().get(i), version);
        }
        yield size;
      }
      case TupleType t -> {
        int size = 2 + 2;
        for (DataType component : t.componentTypes()) {
          size += encodedSize(component, version);
        }
        yield size;
      }
      case VectorType v -> 2 + Primitives.sizeOfString(vectorClass(v));
    };
  }

  public static void encode(DataType type, ByteBuffer out, ProtocolVersion version) {
    switch (type) {
      case NativeType n -> {
        if (n == NativeType.DURATION && version.code() < 5) {
          out.putShort((short) CUSTOM);
          Primitives.writeString(DURATION_CLASS, out);
        } else {
          out.putShort((short) n.protocolId());
        }
      }
      case CustomType c -> {
        out.putShort((short) CUSTOM);
        Primitives.writeString(c.className(), out);
      }
      case ListType l -> {
        out.putShort((short) LIST);
        encode(l.elementType(), out, version);
      }
      case SetType s -> {
        out.putShort((short) SET);
        encode(s.elementType(), out, version);
      }
      case MapType m -> {
        out.putShort((short) MAP);
        encode(m.keyType(), out, version);
        encode(m.valueType(), out, version);
      }
      case UserDefinedType u -> {
        out.putShort((short) UDT);
        Primitives.writeString(u.keyspace(), out);
        Primitives.writeString(u.name(), out);
        out.putShort((short) u.fieldNames().size());
        for (int i = 0; i < u.fieldNames().size(); i++) {
          Primitives.writeString(u.fieldNames().get(i), out);
          encode(u.fieldTypes().get(i), out, version);
        }
      }
      case TupleType t -> {
        out.putShort((short) TUPLE);
        out.putShort((short) t.componentTypes().size());
        for (DataType component : t.componentTypes()) {
          encode(component, out, version);
        }
      }
      case VectorType v -> {
        out.putShort((short) CUSTOM);
        Primitives.writeString(vectorClass(v), out);
      }
    }
  }

  /** Vectors travel as a custom type named by Cassandra's class string, as the server sends them. */
  private static String vectorClass(VectorType vector) {
    return MarshalTypes.format(vector);
  }
}
