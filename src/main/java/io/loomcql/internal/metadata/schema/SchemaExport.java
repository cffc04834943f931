package io.loomcql.internal.metadata.schema;

import io.loomcql.metadata.KeyspaceMetadata;
import io.loomcql.metadata.UserTypeMetadata;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The whole schema, or one keyspace, as CQL statements in an order that runs as is: the keyspace,
 * user types (each after those it uses), functions, aggregates (which name functions), tables each
 * followed by its indexes, then materialized views (which need their base table).
 */
public final class SchemaExport {
  /** Keyspaces the server creates itself: exporting them would fail on any other cluster. */
  private static final Set<String> SYSTEM_KEYSPACES = Set.of(
      "system", "system_schema", "system_auth", "system_distributed", "system_traces", "system_views",
      "system_virtual_schema");

  private SchemaExport() {}

  /** Every user keyspace (system ones skipped), in name order, statements separated by a blank line. */
  public static String describeAll(Collection<? extends KeyspaceMetadata> keyspaces) {
    List<String> statements = new ArrayList<>();
    keyspaces.stream()
        .filter(k -> !isSystemKeyspace(k.name()))
        .sorted(Comparator.comparing(KeyspaceMetadata::name))
        .forEach(k -> statements.addAll(statements(k)));
    return String.join("\n\n", statements);
  }

  public static boolean isSystemKeyspace(String name) {
    return SYSTEM_KEYSPACES.contains(name);
  }

  /** The statements that recreate one keyspace, one per element, each ending in {@code ;}. */
  public static List<String> statements(KeyspaceMetadata keyspace) {
    List<String> statements = new ArrayList<>();
    statements.add(CreateStatements.keyspace(keyspace));
    userTypesInDependencyOrder(keyspace).forEach(t -> statements.add(CreateStatements.userType(t)));
    keyspace.functions().values().forEach(f -> statements.add(CreateStatements.function(f)));
    keyspace.aggregates().values().forEach(a -> statements.add(CreateStatements.aggregate(a)));
    keyspace.tables().values().forEach(t -> statements.addAll(CreateStatements.tableWithIndexes(t)));
    keyspace.views().values().forEach(v -> statements.add(CreateStatements.view(v)));
    return statements;
  }

  static List<UserTypeMetadata> userTypesInDependencyOrder(KeyspaceMetadata keyspace) {
    Map<String, Set<String>> uses = new LinkedHashMap<>();
    keyspace.userTypes().forEach((name, type) -> {
      Set<String> mentioned = new TreeSet<>();
      type.fieldTypes().forEach(t -> mentioned.addAll(UserTypeOrder.mentioned(t)));
      uses.put(name, mentioned);
    });
    return UserTypeOrder.sort(uses).stream().map(name -> keyspace.userTypes().get(name)).toList();
  }
}
