package io.loomcql.internal.metadata.schema;

import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** CQL literals for exported statements: strings escaped, option values as Cassandra's DESCRIBE writes them. */
public final class CqlLiterals {
  private CqlLiterals() {}

  /** A single-quoted string literal, inner single quotes doubled. */
  public static String string(String value) {
    return '\'' + value.replace("'", "''") + '\'';
  }

  /**
   * An option value: text quoted, numbers and booleans bare, maps as {@code {'k': 'v'}}, lists as
   * {@code [...]}, sets as {@code {...}}, blobs as {@code 0x...}.
   */
  public static String value(Object value) {
    return switch (value) {
      case String s -> string(s);
      case Number n -> n.toString();
      case Boolean b -> b.toString();
      case ByteBuffer bytes -> blob(bytes);
      case Map<?, ?> map -> map.entrySet().stream()
          .map(e -> value(e.getKey()) + ": " + value(e.getValue()))
          .collect(Collectors.joining(", ", "{", "}"));
      case List<?> list -> join(list, "[", "]");
      case Set<?> set -> join(set, "{", "}");
      default -> string(value.toString());
    };
  }

  /** A blob literal; the buffer's position is left alone. */
  public static String blob(ByteBuffer bytes) {
    byte[] copy = new byte[bytes.remaining()];
    bytes.duplicate().get(copy);
    return "0x" + HexFormat.of().formatHex(copy);
  }

  private static String join(Collection<?> values, String open, String close) {
    return values.stream().map(CqlLiterals::value).collect(Collectors.joining(", ", open, close));
  }
}
