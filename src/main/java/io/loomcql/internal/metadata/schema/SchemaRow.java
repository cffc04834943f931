package io.loomcql.internal.metadata.schema;

import io.loomcql.Row;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One {@code system_schema} row decoded to column name → value (null cells left out). Rows are
 * copied out of the result at once so that the parser depends on column names only (columns differ
 * between Cassandra versions) and tests can build rows by hand.
 */
public record SchemaRow(Map<String, Object> values) {
  public SchemaRow {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** Copies every non-null cell of a driver row. */
  public static SchemaRow of(Row row) {
    Map<String, Object> values = new LinkedHashMap<>();
    List<String> names = row.columnDefinitions().names();
    for (int i = 0; i < names.size(); i++) {
      if (!row.isNull(i)) {
        values.put(names.get(i), row.getObject(i));
      }
    }
    return new SchemaRow(values);
  }

  public boolean has(String column) {
    return values.containsKey(column);
  }

  /** The text cell, or null when absent. */
  public String string(String column) {
    Object value = values.get(column);
    return value == null ? null : value.toString();
  }

  /** The text cell; a schema row without it is malformed. */
  public String requireString(String column) {
    String value = string(column);
    if (value == null) {
      throw new IllegalArgumentException("system_schema row without " + column + ": " + values);
    }
    return value;
  }

  public boolean bool(String column, boolean absent) {
    return values.get(column) instanceof Boolean b ? b : absent;
  }

  public UUID uuid(String column) {
    return (UUID) values.get(column);
  }

  /** A list (or set) of text, in stored order; empty when absent. */
  public List<String> strings(String column) {
    Object value = values.get(column);
    if (value == null) {
      return List.of();
    }
    return ((Collection<?>) value).stream().map(Object::toString).toList();
  }

  /** A set of text; empty when absent. */
  public Set<String> stringSet(String column) {
    return Set.copyOf(strings(column));
  }

  /** A map of text to text, in stored order; empty when absent. */
  public Map<String, String> stringMap(String column) {
    Object value = values.get(column);
    Map<String, String> out = new LinkedHashMap<>();
    if (value instanceof Map<?, ?> map) {
      map.forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
    }
    return Collections.unmodifiableMap(out);
  }
}
