package io.loomcql;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A CQL string with positional ({@code ?}) or named ({@code :name}) values, sent as is. The values
 * are serialized from their Java types (the mapping table in the README); for typed binding
 * checked before sending, prepare the statement.
 */
public final class SimpleStatement extends Statement<SimpleStatement> {
  private final String query;
  private final List<Object> values;
  private final Map<String, Object> namedValues;

  private SimpleStatement(String query, List<Object> values, Map<String, Object> namedValues, Options options) {
    super(options);
    this.query = Objects.requireNonNull(query, "query");
    this.values = values;
    this.namedValues = namedValues;
  }

  /**
   * A statement with positional values (nulls allowed: they bind CQL null).
   *
   * @param query the CQL text, with one {@code ?} per value
   * @param values the values, serialized from their Java classes when sent; copied
   * @return the statement
   * @throws NullPointerException if {@code query} is null
   */
  public static SimpleStatement newInstance(String query, Object... values) {
    List<Object> list = values == null || values.length == 0 ? List.of() : Collections.unmodifiableList(Arrays.asList(values.clone()));
    return new SimpleStatement(query, list, null, Options.DEFAULT);
  }

  /**
   * A statement with named values, bound by marker name. It cannot go into a batch.
   *
   * @param query the CQL text, with {@code :name} markers
   * @param namedValues the values by marker name, serialized from their Java classes when sent;
   *     copied, in iteration order
   * @return the statement
   * @throws NullPointerException if {@code query} or {@code namedValues} is null
   */
  public static SimpleStatement newInstance(String query, Map<String, ?> namedValues) {
    return new SimpleStatement(
        query, List.of(), Collections.unmodifiableMap(new LinkedHashMap<>(namedValues)), Options.DEFAULT);
  }

  /** {@return the CQL text} */
  public String query() {
    return query;
  }

  /** {@return the positional values, unmodifiable; empty if none or if the values are named} */
  public List<Object> values() {
    return values;
  }

  /** {@return the named values, unmodifiable, or null when the values are positional} */
  public Map<String, Object> namedValues() {
    return namedValues;
  }

  @Override
  SimpleStatement withOptions(Options options) {
    return new SimpleStatement(query, values, namedValues, options);
  }

  @Override
  public String toString() {
    // Never the values: they may be secrets.
    return "SimpleStatement[" + query + "]";
  }
}
