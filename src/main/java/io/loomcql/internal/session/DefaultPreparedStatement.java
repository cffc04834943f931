package io.loomcql.internal.session;

import io.loomcql.ColumnDefinition;
import io.loomcql.ColumnDefinitions;
import io.loomcql.PreparedStatement;
import io.loomcql.internal.protocol.ColumnSpecCache;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * What a PREPARE returned. The result metadata id and columns change when the server says the
 * result metadata changed (v5), so they are volatile; the rest is fixed.
 */
final class DefaultPreparedStatement implements PreparedStatement {
  private final String query;
  private final String keyspace;
  private final ByteBuffer id;
  private final ColumnDefinitions variables;
  private final List<Integer> partitionKeyIndices;
  private volatile ByteBuffer resultMetadataId;
  private volatile ColumnDefinitions resultColumns;
  private final ColumnSpecCache resultSpecs = new ColumnSpecCache();
  private volatile List<ColumnDefinition> matchedColumns; // a decoded list found equal to resultColumns

  DefaultPreparedStatement(
      String query,
      String keyspace,
      ByteBuffer id,
      ByteBuffer resultMetadataId,
      ColumnDefinitions variables,
      ColumnDefinitions resultColumns,
      List<Integer> partitionKeyIndices) {
    this.query = query;
    this.keyspace = keyspace;
    this.id = id;
    this.resultMetadataId = resultMetadataId;
    this.variables = variables;
    this.resultColumns = resultColumns;
    this.partitionKeyIndices = List.copyOf(partitionKeyIndices);
  }

  @Override
  public String query() {
    return query;
  }

  @Override
  public ColumnDefinitions variableDefinitions() {
    return variables;
  }

  @Override
  public ColumnDefinitions resultDefinitions() {
    return resultColumns;
  }

  @Override
  public ByteBuffer id() {
    return id.asReadOnlyBuffer();
  }

  ByteBuffer rawId() {
    return id;
  }

  @Override
  public List<Integer> partitionKeyIndices() {
    return partitionKeyIndices;
  }

  @Override
  public String keyspace() {
    return keyspace;
  }

  /** The result column specs as last decoded, so that answers repeating them byte for byte skip decoding. */
  ColumnSpecCache resultSpecs() {
    return resultSpecs;
  }

  /** Whether this list (as decoded from an answer) was found equal to {@link #resultDefinitions()} already. */
  boolean isKnownEqual(List<ColumnDefinition> decoded) {
    return decoded == matchedColumns;
  }

  void knownEqual(List<ColumnDefinition> decoded) {
    matchedColumns = decoded;
  }

  ByteBuffer resultMetadataId() {
    return resultMetadataId;
  }

  /** The server reported new result metadata (v5 Metadata_changed): use it from now on. */
  void resultMetadataChanged(ByteBuffer newId, ColumnDefinitions columns) {
    this.matchedColumns = null;
    this.resultColumns = columns;
    this.resultMetadataId = newId;
  }

  @Override
  public String toString() {
    return "PreparedStatement[" + query + "]";
  }
}
