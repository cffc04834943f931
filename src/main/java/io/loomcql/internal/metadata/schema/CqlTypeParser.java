package io.loomcql.internal.metadata.schema;

import io.loomcql.type.CustomType;
import io.loomcql.type.DataType;
import io.loomcql.type.ListType;
import io.loomcql.type.MapType;
import io.loomcql.type.NativeType;
import io.loomcql.type.SetType;
import io.loomcql.type.TupleType;
import io.loomcql.type.UserDefinedType;
import io.loomcql.type.VectorType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the type strings of {@code system_schema} ({@code frozen<map<text, frozen<address>>>},
 * {@code vector<float, 3>}, {@code 'org.example.MyType'}, {@code "MixedCase"}) into {@link
 * DataType}s. User types are looked up by name, so callers parse a keyspace's types in dependency
 * order ({@link UserTypeOrder}). Not thread-safe: one instance per string.
 */
public final class CqlTypeParser {
  private static final int MAX_DEPTH = 64;
  private static final Map<String, NativeType> NATIVES = natives();

  private final String text;
  private final Function<String, UserDefinedType> userTypes;
  private int pos;

  private CqlTypeParser(String text, Function<String, UserDefinedType> userTypes) {
    this.text = text;
    this.userTypes = userTypes;
  }

  /**
   * @param userTypes the (not frozen) user type of this name, or null when there is none
   * @throws IllegalArgumentException on a malformed string or an unknown user type
   */
  public static DataType parse(String cql, Function<String, UserDefinedType> userTypes) {
    CqlTypeParser parser = new CqlTypeParser(cql, userTypes);
    DataType type = parser.type(0);
    parser.skipSpaces();
    if (parser.pos != cql.length()) {
      throw parser.error("unexpected text after the type");
    }
    return type;
  }

  /** The user type names a type string mentions (not those nested inside the user types themselves). */
  public static Set<String> userTypeNames(String cql) {
    Set<String> names = new LinkedHashSet<>();
    parse(cql, name -> {
      names.add(name);
      return new UserDefinedType("", name, List.of(), List.of(), false);
    });
    return names;
  }

  private DataType type(int depth) {
    if (depth > MAX_DEPTH) {
      throw error("types nested too deeply");
    }
    skipSpaces();
    if (peek() == '\'') {
      return new CustomType(stringLiteral());
    }
    boolean quoted = peek() == '"';
    String name = identifier();
    skipSpaces();
    if (!quoted && peek() == '<') {
      return parameterized(name.toLowerCase(Locale.ROOT), depth);
    }
    if (!quoted && NATIVES.containsKey(name.toLowerCase(Locale.ROOT))) {
      return NATIVES.get(name.toLowerCase(Locale.ROOT));
    }
    if (peek() == '.') { // keyspace-qualified: a type can only use its own keyspace's types
      pos++;
      skipSpaces();
      name = identifier();
    }
    UserDefinedType udt = userTypes.apply(name);
    if (udt == null) {
      throw error("unknown user type '" + name + "'");
    }
    return udt;
  }

  private DataType parameterized(String keyword, int depth) {
    expect('<');
    DataType type = switch (keyword) {
      case "frozen" -> freeze(type(depth + 1));
      case "list" -> new ListType(type(depth + 1), false);
      case "set" -> new SetType(type(depth + 1), false);
      case "map" -> {
        DataType key = type(depth + 1);
        expect(',');
        yield new MapType(key, type(depth + 1), false);
      }
      case "tuple" -> {
        List<DataType> components = new ArrayList<>();
        components.add(type(depth + 1));
        while (skipSpaces() == ',') {
          pos++;
          components.add(type(depth + 1));
        }
        yield new TupleType(components);
      }
      case "vector" -> {
        DataType element = type(depth + 1);
        expect(',');
        yield new VectorType(element, integer());
      }
      default -> throw error("unknown parameterized type '" + keyword + "'");
    };
    expect('>');
    return type;
  }

  private static DataType freeze(DataType type) {
    return switch (type) {
      case ListType l -> new ListType(l.elementType(), true);
      case SetType s -> new SetType(s.elementType(), true);
      case MapType m -> new MapType(m.keyType(), m.valueType(), true);
      case UserDefinedType u -> new UserDefinedType(u.keyspace(), u.name(), u.fieldNames(), u.fieldTypes(), true);
      default -> type; // tuples are always frozen; nothing else has a frozen form
    };
  }

  /** An unquoted identifier (read lower-cased, as CQL does) or a double-quoted one (kept exactly). */
  private String identifier() {
    if (peek() == '"') {
      pos++;
      StringBuilder name = new StringBuilder();
      while (true) {
        int end = text.indexOf('"', pos);
        if (end < 0) {
          throw error("unterminated quoted identifier");
        }
        name.append(text, pos, end);
        pos = end + 1;
        if (peek() != '"') {
          return name.toString();
        }
        name.append('"');
        pos++;
      }
    }
    int start = pos;
    while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
      pos++;
    }
    if (start == pos) {
      throw error("expected a type");
    }
    return text.substring(start, pos).toLowerCase(Locale.ROOT);
  }

  private String stringLiteral() {
    pos++; // opening quote
    StringBuilder value = new StringBuilder();
    while (true) {
      int end = text.indexOf('\'', pos);
      if (end < 0) {
        throw error("unterminated string");
      }
      value.append(text, pos, end);
      pos = end + 1;
      if (peek() != '\'') {
        return value.toString();
      }
      value.append('\'');
      pos++;
    }
  }

  private int integer() {
    skipSpaces();
    int start = pos;
    while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
      pos++;
    }
    if (start == pos || pos - start > 9) {
      throw error("expected a vector dimension");
    }
    return Integer.parseInt(text, start, pos, 10);
  }

  private void expect(char c) {
    if (skipSpaces() != c) {
      throw error("expected '" + c + "'");
    }
    pos++;
  }

  /** Skips blanks and returns the next character (0 at the end). */
  private char skipSpaces() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
    return peek();
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : 0;
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException("cannot read CQL type '" + text + "' at " + pos + ": " + what);
  }

  private static Map<String, NativeType> natives() {
    Map<String, NativeType> natives = new java.util.HashMap<>();
    for (NativeType type : NativeType.values()) {
      natives.put(type.asCql(), type);
    }
    natives.put("varchar", NativeType.TEXT);
    return Map.copyOf(natives);
  }
}
