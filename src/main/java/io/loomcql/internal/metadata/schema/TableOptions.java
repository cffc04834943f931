package io.loomcql.internal.metadata.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code WITH} options of an exported table or view, {@code name = value}, in name order, with
 * values written as Cassandra's {@code DESCRIBE} writes them (maps of strings, bare numbers).
 */
final class TableOptions {
  /**
   * Still columns of {@code system_schema.tables} for compatibility, but Cassandra 4.0 removed them
   * from CQL: exporting them would make the statement fail.
   */
  private static final Set<String> NOT_SETTABLE = Set.of("read_repair_chance", "dclocal_read_repair_chance");

  /** A materialized view takes its rows' lifetime from its base table and rejects this option. */
  private static final Set<String> NOT_SETTABLE_ON_VIEWS = Set.of("default_time_to_live");

  private TableOptions() {}

  static List<String> render(Map<String, Object> options, boolean view) {
    List<String> rendered = new ArrayList<>();
    options.forEach((name, value) -> {
      if (!NOT_SETTABLE.contains(name) && !(view && NOT_SETTABLE_ON_VIEWS.contains(name))) {
        rendered.add(name + " = " + CqlLiterals.value(value));
      }
    });
    return rendered;
  }
}
