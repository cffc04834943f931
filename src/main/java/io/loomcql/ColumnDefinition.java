package io.loomcql;

import io.loomcql.type.DataType;
import java.util.Objects;

/**
 * One column of a result (or one bind marker of a prepared statement): where it comes from and its
 * type.
 *
 * @param keyspace the keyspace of the column's table, as the server sent it
 * @param table the column's table, as the server sent it
 * @param name the column's name as the server sent it: the alias if the query gave one; for a
 *     bind marker, its name (a {@code ?} marker takes the name of its column)
 * @param type the column's CQL type
 */
public record ColumnDefinition(String keyspace, String table, String name, DataType type) {
  /**
   * Checks the name and type.
   *
   * @param keyspace the keyspace of the column's table
   * @param table the column's table
   * @param name the column's name
   * @param type the column's CQL type
   * @throws NullPointerException if {@code name} or {@code type} is null
   */
  public ColumnDefinition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
  }
}
