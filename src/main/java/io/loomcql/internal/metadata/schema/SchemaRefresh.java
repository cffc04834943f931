package io.loomcql.internal.metadata.schema;

import io.loomcql.internal.protocol.SchemaChangeResult;
import io.loomcql.metadata.KeyspaceMetadata;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Applies one SCHEMA_CHANGE (event or DDL result) to the current schema: re-reads only what
 * changed and returns a new map; the given one is left as it was. Re-reading rather than trusting
 * the change type keeps the result right when events arrive out of order or are coalesced.
 */
public final class SchemaRefresh {
  private SchemaRefresh() {}

  /** The whole schema, for the first connection or after events were missed. */
  public static Map<String, KeyspaceMetadata> full(SchemaSource source) {
    return SchemaParser.parseAll(SchemaQueries.all(source));
  }

  /**
   * @param current keyspaces by name, as held now
   * @return the keyspaces by name (name order) after the change
   */
  public static Map<String, KeyspaceMetadata> apply(
      Map<String, KeyspaceMetadata> current, SchemaChangeResult change, SchemaSource source) {
    Map<String, KeyspaceMetadata> next = new TreeMap<>(current);
    String keyspace = change.keyspace();
    KeyspaceMetadata existing = current.get(keyspace);
    if (change.target().equals("KEYSPACE") || existing == null) {
      // A change inside a keyspace we do not know yet means we missed its creation: read it whole.
      Optional<KeyspaceMetadata> read = change.changeType().equals("DROPPED") && change.target().equals("KEYSPACE")
          ? Optional.empty()
          : SchemaParser.parseKeyspace(SchemaQueries.keyspace(source, keyspace), keyspace);
      read.ifPresentOrElse(k -> next.put(keyspace, k), () -> next.remove(keyspace));
      return NameOrder.copy(next);
    }
    String name = change.name();
    KeyspaceMetadata refreshed = switch (change.target()) {
      case "TABLE" -> SchemaParser.refreshRelation(existing, SchemaQueries.relation(source, keyspace, name), name);
      case "TYPE" -> SchemaParser.refreshUserType(existing, SchemaQueries.userType(source, keyspace, name), name);
      case "FUNCTION" -> SchemaParser.refreshFunction(existing, SchemaQueries.function(source, keyspace, name), name);
      case "AGGREGATE" -> SchemaParser.refreshAggregate(existing, SchemaQueries.aggregate(source, keyspace, name), name);
      default -> throw new IllegalArgumentException("unknown schema change target '" + change.target() + "'");
    };
    next.put(keyspace, refreshed);
    return NameOrder.copy(next);
  }
}
