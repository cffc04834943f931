package io.loomcql.internal.metadata.schema;

import io.loomcql.metadata.AggregateMetadata;
import io.loomcql.metadata.ColumnMetadata;
import io.loomcql.metadata.FunctionMetadata;
import io.loomcql.metadata.IndexMetadata;
import io.loomcql.metadata.KeyspaceMetadata;
import io.loomcql.metadata.RelationMetadata;
import io.loomcql.metadata.TableMetadata;
import io.loomcql.metadata.UserTypeMetadata;
import io.loomcql.metadata.ViewMetadata;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One {@code CREATE} statement per schema object, laid out like Cassandra's {@code DESCRIBE}:
 * fully qualified names, identifiers quoted only when needed, literals escaped, ending in {@code ;}.
 */
final class CreateStatements {
  private static final String INDENT = "\n    ";
  private static final String LOCATOR = "org.apache.cassandra.locator.";

  private CreateStatements() {}

  static String keyspace(KeyspaceMetadata keyspace) {
    // The strategy class first, shortened as users write it; the rest in name order.
    Map<String, String> replication = new LinkedHashMap<>();
    String strategy = keyspace.replication().getOrDefault("class", "");
    replication.put("class", strategy.startsWith(LOCATOR) ? strategy.substring(LOCATOR.length()) : strategy);
    keyspace.replication().forEach((k, v) -> replication.putIfAbsent(k, v));
    return "CREATE KEYSPACE " + CqlIdentifiers.quoteIfNeeded(keyspace.name()) + " WITH replication = "
        + CqlLiterals.value(replication) + " AND durable_writes = " + keyspace.durableWrites() + ";";
  }

  static String userType(UserTypeMetadata type) {
    List<String> fields = new ArrayList<>();
    for (int i = 0; i < type.fieldNames().size(); i++) {
      fields.add(CqlIdentifiers.quoteIfNeeded(type.fieldNames().get(i)) + " " + CqlTypes.render(type.fieldTypes().get(i)));
    }
    return "CREATE TYPE " + CqlIdentifiers.qualified(type.keyspace(), type.name()) + " ("
        + INDENT + String.join("," + INDENT, fields) + "\n);";
  }

  static String function(FunctionMetadata function) {
    List<String> arguments = new ArrayList<>();
    for (int i = 0; i < function.argumentTypes().size(); i++) {
      arguments.add(CqlIdentifiers.quoteIfNeeded(function.argumentNames().get(i)) + " "
          + CqlTypes.render(function.argumentTypes().get(i)));
    }
    // $$...$$ keeps the code readable; a body that itself holds $$ needs a quoted string instead.
    String body = function.body().contains("$$") ? CqlLiterals.string(function.body()) : "$$" + function.body() + "$$";
    return "CREATE FUNCTION " + CqlIdentifiers.qualified(function.keyspace(), function.name())
        + "(" + String.join(", ", arguments) + ")"
        + INDENT + (function.calledOnNullInput() ? "CALLED ON NULL INPUT" : "RETURNS NULL ON NULL INPUT")
        + INDENT + "RETURNS " + CqlTypes.render(function.returnType())
        + INDENT + "LANGUAGE " + function.language()
        + INDENT + "AS " + body + ";";
  }

  static String aggregate(AggregateMetadata aggregate) {
    StringBuilder cql = new StringBuilder("CREATE AGGREGATE ")
        .append(CqlIdentifiers.qualified(aggregate.keyspace(), aggregate.name()))
        .append(aggregate.argumentTypes().stream().map(CqlTypes::render).collect(Collectors.joining(", ", "(", ")")))
        .append(INDENT).append("SFUNC ").append(CqlIdentifiers.quoteIfNeeded(aggregate.stateFunction()))
        .append(INDENT).append("STYPE ").append(CqlTypes.render(aggregate.stateType()));
    aggregate.finalFunction().ifPresent(f -> cql.append(INDENT).append("FINALFUNC ").append(CqlIdentifiers.quoteIfNeeded(f)));
    aggregate.initCond().ifPresent(c -> cql.append(INDENT).append("INITCOND ").append(c));
    return cql.append(';').toString();
  }

  /** {@code CREATE TABLE}, then one statement per index. */
  static List<String> tableWithIndexes(TableMetadata table) {
    List<String> statements = new ArrayList<>();
    statements.add(table(table));
    table.indexes().values().forEach(index -> statements.add(index(index)));
    return statements;
  }

  static String table(TableMetadata table) {
    List<String> lines = new ArrayList<>();
    for (ColumnMetadata column : table.columns()) {
      lines.add(CqlIdentifiers.quoteIfNeeded(column.name()) + " " + CqlTypes.render(column.type())
          + (column.kind() == ColumnMetadata.Kind.STATIC ? " static" : ""));
    }
    lines.add("PRIMARY KEY " + primaryKey(table));
    return "CREATE TABLE " + CqlIdentifiers.qualified(table.keyspace(), table.name()) + " ("
        + INDENT + String.join("," + INDENT, lines) + "\n)" + with(table, " ", false) + ";";
  }

  static String view(ViewMetadata view) {
    String selection = view.includesAllColumns() ? "*"
        : view.columns().stream().map(c -> CqlIdentifiers.quoteIfNeeded(c.name())).collect(Collectors.joining(", "));
    return "CREATE MATERIALIZED VIEW " + CqlIdentifiers.qualified(view.keyspace(), view.name()) + " AS"
        + INDENT + "SELECT " + selection
        + INDENT + "FROM " + CqlIdentifiers.qualified(view.keyspace(), view.baseTable())
        + INDENT + "WHERE " + view.whereClause()
        + INDENT + "PRIMARY KEY " + primaryKey(view)
        + with(view, INDENT, true) + ";";
  }

  static String index(IndexMetadata index) {
    String on = CqlIdentifiers.quoteIfNeeded(index.name()) + " ON "
        + CqlIdentifiers.qualified(index.keyspace(), index.table()) + " (" + index.target() + ")";
    if (index.kind() != IndexMetadata.Kind.CUSTOM) {
      return "CREATE INDEX " + on + ";";
    }
    Map<String, String> options = new LinkedHashMap<>(index.options());
    options.remove("target");
    String className = options.remove("class_name");
    return "CREATE CUSTOM INDEX " + on + " USING " + CqlLiterals.string(className == null ? "" : className)
        + (options.isEmpty() ? "" : " WITH OPTIONS = " + CqlLiterals.value(options)) + ";";
  }

  /** {@code (a, c)} with one partition key column, {@code ((a, b), c)} with several. */
  private static String primaryKey(RelationMetadata relation) {
    String partition = names(relation.partitionKey());
    if (relation.partitionKey().size() > 1) {
      partition = "(" + partition + ")";
    }
    return relation.clusteringColumns().isEmpty() ? "(" + partition + ")"
        : "(" + partition + ", " + names(relation.clusteringColumns()) + ")";
  }

  /** {@code WITH CLUSTERING ORDER BY (...) AND option = value ...}, or nothing. */
  private static String with(RelationMetadata relation, String before, boolean view) {
    List<String> clauses = new ArrayList<>();
    if (!relation.clusteringOrder().isEmpty()) {
      clauses.add(relation.clusteringOrder().entrySet().stream()
          .map(e -> CqlIdentifiers.quoteIfNeeded(e.getKey()) + " " + e.getValue())
          .collect(Collectors.joining(", ", "CLUSTERING ORDER BY (", ")")));
    }
    clauses.addAll(TableOptions.render(relation.options(), view));
    return clauses.isEmpty() ? "" : before + "WITH " + String.join(INDENT + "AND ", clauses);
  }

  private static String names(List<ColumnMetadata> columns) {
    return columns.stream().map(c -> CqlIdentifiers.quoteIfNeeded(c.name())).collect(Collectors.joining(", "));
  }
}
