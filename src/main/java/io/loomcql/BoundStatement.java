package io.loomcql;

import io.loomcql.internal.codec.TypedEncoder;
import io.loomcql.internal.mapping.RecordComponents;
import io.loomcql.internal.protocol.Primitives;
import java.nio.ByteBuffer;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * A prepared statement with its values, already serialized and checked against the markers'
 * types. Immutable; the setters of {@link Statement} return copies.
 */
public final class BoundStatement extends Statement<BoundStatement> {
  private final PreparedStatement prepared;
  private final ByteBuffer[] values; // UNSET for markers left unset

  BoundStatement(PreparedStatement prepared, ByteBuffer[] values, Options options) {
    super(options);
    this.prepared = prepared;
    this.values = values;
  }

  static BoundStatement bind(PreparedStatement prepared, Object[] values) {
    ColumnDefinitions markers = prepared.variableDefinitions();
    if (values != null && values.length == 1 && values[0] instanceof Record record
        && !(markers.size() == 1 && markers.get(0).type() instanceof io.loomcql.type.UserDefinedType)) {
      return bindRecord(prepared, record);
    }
    Object[] given = values == null ? new Object[] {null} : values;
    if (given.length > markers.size()) {
      throw new IllegalArgumentException("too many values for " + prepared.query() + ": " + given.length
          + " given, the statement has " + markers.size() + " bind markers");
    }
    ByteBuffer[] encoded = new ByteBuffer[markers.size()];
    Arrays.fill(encoded, Primitives.UNSET);
    for (int i = 0; i < given.length; i++) {
      encoded[i] = encode(markers, i, given[i]);
    }
    return new BoundStatement(prepared, encoded, Options.DEFAULT);
  }

  static BoundStatement bindRecord(PreparedStatement prepared, Record record) {
    ColumnDefinitions markers = prepared.variableDefinitions();
    RecordComponents components = RecordComponents.of(record.getClass());
    ByteBuffer[] encoded = new ByteBuffer[markers.size()];
    for (int i = 0; i < markers.size(); i++) {
      int component = components.indexOf(markers.get(i).name());
      if (component < 0) {
        throw new IllegalArgumentException("record " + record.getClass().getSimpleName() + " has no component for"
            + " marker '" + markers.get(i).name() + "' of " + prepared.query() + " (markers: " + markers.names() + ")");
      }
      encoded[i] = encode(markers, i, components.value(record, component));
    }
    return new BoundStatement(prepared, encoded, Options.DEFAULT);
  }

  static ByteBuffer encode(ColumnDefinitions markers, int index, Object value) {
    ColumnDefinition marker = markers.get(index);
    try {
      return TypedEncoder.encode(value, marker.type());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "cannot bind value #" + (index + 1) + " to '" + marker.name() + "' (CQL " + marker.type().asCql() + "): "
              + e.getMessage(), e);
    }
  }

  /** {@return the prepared statement these values are bound to} */
  public PreparedStatement preparedStatement() {
    return prepared;
  }

  /**
   * Whether the marker at that index has a value (null counts as a value). Markers left out of
   * {@code bind(...)} and those bound to {@link Unset#VALUE} are unset.
   *
   * @param index the marker's position, from 0
   * @return {@code true} if the marker has a value
   * @throws IndexOutOfBoundsException if the statement has no such marker
   */
  public boolean isSet(int index) {
    return values[index] != Primitives.UNSET;
  }

  /**
   * The serialized values, one per marker, exactly as they will be sent: null for CQL null, a
   * shared marker buffer for unset ones (see {@link #isSet}). A view, not a copy: do not move the
   * buffers' positions.
   *
   * @return the values, one per marker in marker order; unmodifiable
   */
  public List<ByteBuffer> serializedValues() {
    return new ValuesView(values);
  }

  /** A read-only list over the values array: one object per call (read once per execution). */
  private static final class ValuesView extends AbstractList<ByteBuffer> implements RandomAccess {
    private final ByteBuffer[] values;

    ValuesView(ByteBuffer[] values) {
      this.values = values;
    }

    @Override
    public ByteBuffer get(int index) {
      return values[index];
    }

    @Override
    public int size() {
      return values.length;
    }
  }

  /** The routing key: set explicitly, else built from the bound partition-key values. */
  @Override
  public ByteBuffer routingKey() {
    ByteBuffer explicit = super.routingKey();
    if (explicit != null) {
      return explicit;
    }
    List<Integer> keys = prepared.partitionKeyIndices();
    if (keys.isEmpty()) {
      return null;
    }
    if (keys.size() == 1) {
      ByteBuffer value = values[keys.get(0)];
      return value == null || value == Primitives.UNSET ? null : value.asReadOnlyBuffer();
    }
    // Composite partition key: each component as [short length][bytes][0].
    int size = 0;
    for (int index : keys) {
      ByteBuffer value = values[index];
      if (value == null || value == Primitives.UNSET) {
        return null;
      }
      size += 2 + value.remaining() + 1;
    }
    ByteBuffer key = ByteBuffer.allocate(size);
    for (int index : keys) {
      ByteBuffer value = values[index];
      key.putShort((short) value.remaining()).put(value.duplicate()).put((byte) 0);
    }
    return key.flip().asReadOnlyBuffer();
  }

  /** The keyspace: set explicitly, else the one the statement was prepared in. */
  @Override
  public String keyspace() {
    String explicit = super.keyspace();
    return explicit != null ? explicit : prepared.keyspace();
  }

  @Override
  BoundStatement withOptions(Options options) {
    return new BoundStatement(prepared, values, options);
  }

  @Override
  public String toString() {
    return "BoundStatement[" + prepared.query() + "]"; // never the values
  }
}
