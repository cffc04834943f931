package io.loomcql.internal.metadata.schema;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** CQL identifiers: double quotes added only where CQL needs them, the way Cassandra prints names. */
public final class CqlIdentifiers {
  /** What CQL reads unquoted and keeps as is: anything else would be lower-cased or rejected. */
  private static final Pattern PLAIN = Pattern.compile("[a-z][a-z0-9_]*");

  /** Cassandra 5.0's reserved keywords (its {@code reserved_keywords.txt}); unreserved ones need no quotes. */
  private static final Set<String> RESERVED = Set.of(
      "ADD", "ALLOW", "ALTER", "AND", "APPLY", "ASC", "AUTHORIZE", "BATCH", "BEGIN", "BY", "COLUMNFAMILY",
      "CREATE", "DELETE", "DESC", "DESCRIBE", "DROP", "ENTRIES", "EXECUTE", "FROM", "FULL", "GRANT", "IF", "IN",
      "INDEX", "INFINITY", "INSERT", "INTO", "IS", "KEYSPACE", "LIMIT", "MATERIALIZED", "MODIFY", "NAN",
      "NORECURSIVE", "NOT", "NULL", "OF", "ON", "OR", "ORDER", "PRIMARY", "RENAME", "REVOKE", "SCHEMA",
      "SELECT", "SET", "TABLE", "TO", "TOKEN", "TRUNCATE", "UNLOGGED", "UPDATE", "USE", "USING", "VIEW",
      "WHERE", "WITH");

  private CqlIdentifiers() {}

  /** The name as CQL must write it: as is when plain lower case and not reserved, else double-quoted. */
  public static String quoteIfNeeded(String name) {
    if (PLAIN.matcher(name).matches() && !RESERVED.contains(name.toUpperCase(Locale.ROOT))) {
      return name;
    }
    return quote(name);
  }

  /** Always double-quoted, inner double quotes doubled. */
  public static String quote(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  /** {@code keyspace.name}, each part quoted if needed. */
  public static String qualified(String keyspace, String name) {
    return quoteIfNeeded(keyspace) + "." + quoteIfNeeded(name);
  }
}
