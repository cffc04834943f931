package io.loomcql.internal.session;

import io.loomcql.ColumnDefinition;
import io.loomcql.ColumnDefinitions;
import io.loomcql.ConsistencyLevel;
import io.loomcql.PreparedStatement;
import io.loomcql.internal.protocol.ColumnSpecCache;
import io.loomcql.internal.protocol.Execute;
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
  private volatile Execute.Fixed lastFixed; // what the last EXECUTE shared: the next one usually shares it too

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

  /**
   * The parts of an EXECUTE of this statement that do not change per request: the last ones
   * built, when they are equal (a statement is usually run with the same options), else new ones.
   * Threads running it with different options each build their own; none is ever wrong.
   */
  Execute.Fixed executeFixed(
      ByteBuffer metadataId, ConsistencyLevel consistency, boolean skipMetadata, int pageSize, ConsistencyLevel serial,
      int nowInSeconds) {
    Execute.Fixed fixed = lastFixed;
    if (fixed == null
        || fixed.resultMetadataId() != metadataId // identity: a new id after a metadata change is a new buffer
        || fixed.consistency() != consistency
        || fixed.skipMetadata() != skipMetadata
        || fixed.pageSize() != pageSize
        || fixed.serialConsistency() != serial
        || fixed.nowInSeconds() != nowInSeconds) {
      fixed = new Execute.Fixed(id, metadataId, consistency, skipMetadata, pageSize, serial, null, nowInSeconds);
      lastFixed = fixed;
    }
    return fixed;
  }

  @Override
  public String toString() {
    return "PreparedStatement[" + query + "]";
  }
}
