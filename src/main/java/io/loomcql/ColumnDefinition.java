package io.loomcql;

import io.loomcql.type.DataType;
import java.util.Objects;

/** One column of a result (or one bind marker of a prepared statement): where it comes from and its type. */
public record ColumnDefinition(String keyspace, String table, String name, DataType type) {
  public ColumnDefinition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
  }
}
