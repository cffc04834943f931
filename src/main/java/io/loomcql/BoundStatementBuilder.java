package io.loomcql;

import io.loomcql.internal.protocol.Primitives;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Builds a {@link BoundStatement} marker by marker, by name or index; markers never set are left
 * unset. Not thread-safe: one builder per thread.
 */
public final class BoundStatementBuilder {
  private final PreparedStatement prepared;
  private final ByteBuffer[] values;

  BoundStatementBuilder(PreparedStatement prepared) {
    this.prepared = prepared;
    this.values = new ByteBuffer[prepared.variableDefinitions().size()];
    Arrays.fill(values, Primitives.UNSET);
  }

  /** Sets a marker by name (case-insensitive unless double-quoted); {@code type} documents intent. */
  public <T> BoundStatementBuilder set(String name, T value, Class<T> type) {
    return set(prepared.variableDefinitions().indexOfExisting(name), value);
  }

  public BoundStatementBuilder set(String name, Object value) {
    return set(prepared.variableDefinitions().indexOfExisting(name), value);
  }

  public BoundStatementBuilder set(int index, Object value) {
    values[index] = BoundStatement.encode(prepared.variableDefinitions(), index, value);
    return this;
  }

  public BoundStatementBuilder setToNull(String name) {
    return set(name, null);
  }

  public BoundStatementBuilder unset(String name) {
    values[prepared.variableDefinitions().indexOfExisting(name)] = Primitives.UNSET;
    return this;
  }

  public BoundStatement build() {
    return new BoundStatement(prepared, values.clone(), Statement.Options.DEFAULT);
  }
}
