package io.loomcql.internal.codec;

import io.loomcql.error.ProtocolError;
import io.loomcql.type.CustomType;
import io.loomcql.type.DataType;
import io.loomcql.type.ListType;
import io.loomcql.type.MapType;
import io.loomcql.type.NativeType;
import io.loomcql.type.SetType;
import io.loomcql.type.TupleType;
import io.loomcql.type.UserDefinedType;
import io.loomcql.type.VectorType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Cassandra's internal type names ("marshal" class strings such as
 * {@code org.apache.cassandra.db.marshal.VectorType(org.apache.cassandra.db.marshal.FloatType,3)}),
 * read and written. Vectors travel in the protocol only as such a custom type.
 */
public final class MarshalTypes {
  public static final String PACKAGE = "org.apache.cassandra.db.marshal.";
  private static final int MAX_DEPTH = 64;
  private static final Map<String, NativeType> NATIVES = Map.ofEntries(
      Map.entry("AsciiType", NativeType.ASCII), Map.entry("LongType", NativeType.BIGINT),
      Map.entry("BytesType", NativeType.BLOB), Map.entry("BooleanType", NativeType.BOOLEAN),
      Map.entry("CounterColumnType", NativeType.COUNTER), Map.entry("DecimalType", NativeType.DECIMAL),
      Map.entry("DoubleType", NativeType.DOUBLE), Map.entry("FloatType", NativeType.FLOAT),
      Map.entry("Int32Type", NativeType.INT), Map.entry("TimestampType", NativeType.TIMESTAMP),
      Map.entry("UUIDType", NativeType.UUID), Map.entry("UTF8Type", NativeType.TEXT),
      Map.entry("IntegerType", NativeType.VARINT), Map.entry("TimeUUIDType", NativeType.TIMEUUID),
      Map.entry("InetAddressType", NativeType.INET), Map.entry("SimpleDateType", NativeType.DATE),
      Map.entry("TimeType", NativeType.TIME), Map.entry("ShortType", NativeType.SMALLINT),
      Map.entry("ByteType", NativeType.TINYINT), Map.entry("DurationType", NativeType.DURATION));
  private static final Map<NativeType, String> NAMES =
      NATIVES.entrySet().stream().collect(Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey));

  private MarshalTypes() {}

  /** True for the class strings this reader turns into a {@link VectorType}. */
  public static boolean isVector(String className) {
    return className.startsWith(PACKAGE + "VectorType(");
  }

  /**
   * @throws ProtocolError when the string is malformed
   */
  public static DataType parse(String className) {
    return new Reader(className).whole();
  }

  public static String format(DataType type) {
    return switch (type) {
      case NativeType n -> PACKAGE + NAMES.get(n);
      case CustomType c -> c.className();
      case ListType l -> frozen(PACKAGE + "ListType(" + format(l.elementType()) + ")", l.frozen());
      case SetType s -> frozen(PACKAGE + "SetType(" + format(s.elementType()) + ")", s.frozen());
      case MapType m -> frozen(PACKAGE + "MapType(" + format(m.keyType()) + "," + format(m.valueType()) + ")", m.frozen());
      case TupleType t ->
          t.componentTypes().stream().map(MarshalTypes::format).collect(Collectors.joining(",", PACKAGE + "TupleType(", ")"));
      case UserDefinedType u -> {
        StringBuilder text = new StringBuilder(PACKAGE).append("UserType(").append(u.keyspace()).append(',').append(hex(u.name()));
        for (int i = 0; i < u.fieldNames().size(); i++) {
          text.append(',').append(hex(u.fieldNames().get(i))).append(':').append(format(u.fieldTypes().get(i)));
        }
        yield frozen(text.append(')').toString(), u.frozen());
      }
      case VectorType v -> PACKAGE + "VectorType(" + format(v.elementType()) + "," + v.dimension() + ")";
    };
  }

  private static String frozen(String inner, boolean frozen) {
    return frozen ? PACKAGE + "FrozenType(" + inner + ")" : inner;
  }

  private static String hex(String text) {
    return HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8));
  }

  /** A recursive-descent reader over one class string. */
  private static final class Reader {
    private final String text;
    private int position;

    Reader(String text) {
      this.text = text;
    }

    DataType type(int depth) {
      if (depth > MAX_DEPTH) {
        throw error("nested deeper than " + MAX_DEPTH + " levels");
      }
      String name = name();
      String simple = name.startsWith(PACKAGE) ? name.substring(PACKAGE.length()) : name;
      if (!peek('(')) {
        NativeType n = NATIVES.get(simple);
        if (n == null && simple.equals("DateType")) {
          return NativeType.TIMESTAMP;
        }
        return n != null ? n : new CustomType(name);
      }
      position++;
      DataType type = switch (simple) {
        case "ListType" -> new ListType(type(depth + 1), false);
        case "SetType" -> new SetType(type(depth + 1), false);
        case "MapType" -> new MapType(type(depth + 1), comma().type(depth + 1), false);
        case "FrozenType" -> freeze(type(depth + 1));
        case "ReversedType" -> type(depth + 1);
        case "TupleType" -> new TupleType(list(depth));
        case "VectorType" -> vector(depth);
        case "UserType" -> udt(depth);
        default -> throw error("unknown parameterized type " + simple);
      };
      expect(')');
      return type;
    }

    /** The whole string must be one type. */
    DataType whole() {
      DataType type = type(0);
      if (position != text.length()) {
        throw error("trailing characters");
      }
      return type;
    }

    private DataType vector(int depth) {
      DataType element = type(depth + 1);
      comma();
      String digits = name();
      try {
        return new VectorType(element, Integer.parseInt(digits));
      } catch (IllegalArgumentException e) {
        throw error("bad vector dimension '" + digits + "'");
      }
    }

    private DataType udt(int depth) {
      String keyspace = name();
      comma();
      String name = unhex(name());
      List<String> names = new ArrayList<>();
      List<DataType> types = new ArrayList<>();
      while (peek(',')) {
        position++;
        int colon = text.indexOf(':', position);
        if (colon < 0) {
          throw error("UDT field without ':'");
        }
        names.add(unhex(text.substring(position, colon)));
        position = colon + 1;
        types.add(type(depth + 1));
      }
      return new UserDefinedType(keyspace, name, names, types, false);
    }

    private List<DataType> list(int depth) {
      List<DataType> types = new ArrayList<>();
      types.add(type(depth + 1));
      while (peek(',')) {
        position++;
        types.add(type(depth + 1));
      }
      return types;
    }

    private static DataType freeze(DataType type) {
      return switch (type) {
        case ListType l -> new ListType(l.elementType(), true);
        case SetType s -> new SetType(s.elementType(), true);
        case MapType m -> new MapType(m.keyType(), m.valueType(), true);
        case UserDefinedType u -> new UserDefinedType(u.keyspace(), u.name(), u.fieldNames(), u.fieldTypes(), true);
        default -> type;
      };
    }

    private String name() {
      int start = position;
      while (position < text.length() && "(),:".indexOf(text.charAt(position)) < 0) {
        position++;
      }
      if (start == position) {
        throw error("expected a name");
      }
      return text.substring(start, position).strip();
    }

    private Reader comma() {
      expect(',');
      return this;
    }

    private boolean peek(char c) {
      return position < text.length() && text.charAt(position) == c;
    }

    private void expect(char c) {
      if (!peek(c)) {
        throw error("expected '" + c + "'");
      }
      position++;
    }

    private String unhex(String hex) {
      try {
        return new String(HexFormat.of().parseHex(hex), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw error("'" + hex + "' is not hex");
      }
    }

    private ProtocolError error(String why) {
      return new ProtocolError("bad type string at " + position + " (" + why + "): " + text);
    }
  }
}
