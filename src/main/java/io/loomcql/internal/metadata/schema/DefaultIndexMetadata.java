package io.loomcql.internal.metadata.schema;

import io.loomcql.metadata.IndexMetadata;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** An index as read from {@code system_schema.indexes}. */
public record DefaultIndexMetadata(
    String keyspace, String table, String name, Kind kind, Map<String, String> options)
    implements IndexMetadata {

  public DefaultIndexMetadata {
    Objects.requireNonNull(keyspace, "keyspace");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    options = NameOrder.copy(options);
  }

  @Override
  public String target() {
    return options.getOrDefault("target", "");
  }

  @Override
  public Optional<String> className() {
    return Optional.ofNullable(options.get("class_name"));
  }

  @Override
  public String describe() {
    return CreateStatements.index(this);
  }
}
