package io.loomcql;

import io.loomcql.internal.codec.TypedEncoder;
import io.loomcql.internal.mapping.RecordComponents;
import io.loomcql.internal.protocol.Primitives;
import io.loomcql.internal.protocol.ValueList;
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
  // Numbers and booleans only: a ValueList, in wire form (the EXECUTE copies it into its frame as
  // it is). Else a view of one buffer per value, so that a large blob is never copied at bind time.
  private final List<ByteBuffer> values;

  BoundStatement(PreparedStatement prepared, ByteBuffer[] values, Options options) {
    this(prepared, new ValuesView(values), options);
  }

  private BoundStatement(PreparedStatement prepared, List<ByteBuffer> values, Options options) {
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
    // Numbers and booleans (the common case) go straight into one array, sized first.
    int size = 0;
    for (int i = 0; i < markers.size(); i++) {
      int width = TypedEncoder.fixedSize(i < given.length ? given[i] : Unset.VALUE, markers.get(i).type());
      if (width < 0) {
        return bindEach(prepared, given);
      }
      size += 4 + width;
    }
    byte[] data = new byte[size];
    int at = 0;
    for (int i = 0; i < markers.size(); i++) {
      Object value = i < given.length ? given[i] : Unset.VALUE;
      try {
        at = TypedEncoder.writeFixed(value, markers.get(i).type(), data, at);
      } catch (IllegalArgumentException e) {
        throw bindError(markers, i, e);
      }
    }
    return new BoundStatement(prepared, new ValueList(data, markers.size()), Options.DEFAULT);
  }

  /** Values of other types: each serialized on its own, kept as its own buffer. */
  private static BoundStatement bindEach(PreparedStatement prepared, Object[] given) {
    ColumnDefinitions markers = prepared.variableDefinitions();
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
    try {
      return TypedEncoder.encode(value, markers.get(index).type());
    } catch (IllegalArgumentException e) {
      throw bindError(markers, index, e);
    }
  }

  private static IllegalArgumentException bindError(ColumnDefinitions markers, int index, IllegalArgumentException e) {
    ColumnDefinition marker = markers.get(index);
    return new IllegalArgumentException(
        "cannot bind value #" + (index + 1) + " to '" + marker.name() + "' (CQL " + marker.type().asCql() + "): "
            + e.getMessage(), e);
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
    return values instanceof ValueList wire ? !wire.isUnset(index) : values.get(index) != Primitives.UNSET;
  }

  /**
   * The serialized values, one per marker, exactly as they will be sent: null for CQL null, a
   * shared marker buffer for unset ones (see {@link #isSet}). A view, not a copy: do not move the
   * buffers' positions.
   *
   * @return the values, one per marker in marker order; unmodifiable
   */
  public List<ByteBuffer> serializedValues() {
    return values;
  }

  /** A read-only list over the values array. */
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
      ByteBuffer value = values.get(keys.get(0));
      if (value == null || value == Primitives.UNSET) {
        return null;
      }
      return value.isReadOnly() ? value : value.asReadOnlyBuffer();
    }
    // Composite partition key: each component as [short length][bytes][0].
    int size = 0;
    ByteBuffer[] parts = new ByteBuffer[keys.size()];
    for (int i = 0; i < parts.length; i++) {
      ByteBuffer value = values.get(keys.get(i));
      if (value == null || value == Primitives.UNSET) {
        return null;
      }
      parts[i] = value;
      size += 2 + value.remaining() + 1;
    }
    ByteBuffer key = ByteBuffer.allocate(size);
    for (ByteBuffer value : parts) {
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
