package io.loomcql.internal.protocol;

import io.loomcql.ColumnDefinition;
import io.loomcql.ProtocolVersion;
import io.loomcql.error.ProtocolError;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code <metadata>} of a Rows result (v4 section 4.2.5.2).
 *
 * @param columns the column specs, or null when the server sent none (No_metadata)
 * @param columnCount the number of columns in each row
 * @param pagingState where the next page starts, or null on the last page
 * @param newMetadataId v5: the result metadata id changed to this, else null
 */
public record RowsMetadata(
    List<ColumnDefinition> columns, int columnCount, ByteBuffer pagingState, ByteBuffer newMetadataId) {

  private static final int GLOBAL_TABLES_SPEC = 0x0001;
  private static final int HAS_MORE_PAGES = 0x0002;
  private static final int NO_METADATA = 0x0004;
  private static final int METADATA_CHANGED = 0x0008;

  public RowsMetadata {
    if (columns != null) {
      columns = List.copyOf(columns);
      if (columns.size() != columnCount) {
        throw new IllegalArgumentException(columns.size() + " column specs for " + columnCount + " columns");
      }
    }
  }

  public static RowsMetadata of(List<ColumnDefinition> columns, ByteBuffer pagingState) {
    return new RowsMetadata(columns, columns.size(), pagingState, null);
  }

  private boolean globalTableSpec() {
    if (columns == null || columns.isEmpty() || columns.get(0).keyspace() == null || columns.get(0).table() == null) {
      return false;
    }
    String keyspace = columns.get(0).keyspace();
    String table = columns.get(0).table();
    for (ColumnDefinition column : columns) {
      if (!keyspace.equals(column.keyspace()) || !table.equals(column.table())) {
        return false;
      }
    }
    return true;
  }

  int encodedSize(ProtocolVersion version) {
    int size = 4 + 4;
    if (pagingState != null) {
      size += Primitives.sizeOfBytes(pagingState);
    }
    if (newMetadataId != null && version.code() >= 5) {
      size += Primitives.sizeOfShortBytes(newMetadataId);
    }
    if (columns != null) {
      boolean global = globalTableSpec();
      if (global) {
        size += Primitives.sizeOfString(columns.get(0).keyspace()) + Primitives.sizeOfString(columns.get(0).table());
      }
      for (ColumnDefinition column : columns) {
        if (!global) {
          size += Primitives.sizeOfString(orEmpty(column.keyspace())) + Primitives.sizeOfString(orEmpty(column.table()));
        }
        size += Primitives.sizeOfString(column.name()) + DataTypeCodec.encodedSize(column.type(), version);
      }
    }
    return size;
  }

  void encode(ByteBuffer out, ProtocolVersion version) {
    boolean global = globalTableSpec();
    int flags = 0;
    if (global) {
      flags |= GLOBAL_TABLES_SPEC;
    }
    if (pagingState != null) {
      flags |= HAS_MORE_PAGES;
    }
    if (columns == null) {
      flags |= NO_METADATA;
    }
    if (newMetadataId != null && version.code() >= 5) {
      flags |= METADATA_CHANGED;
    }
    out.putInt(flags);
    out.putInt(columnCount);
    if (pagingState != null) {
      Primitives.writeBytes(pagingState, out);
    }
    if ((flags & METADATA_CHANGED) != 0) {
      Primitives.writeShortBytes(newMetadataId, out);
    }
    if (columns == null) {
      return;
    }
    if (global) {
      Primitives.writeString(columns.get(0).keyspace(), out);
      Primitives.writeString(columns.get(0).table(), out);
    }
    for (ColumnDefinition column : columns) {
      if (!global) {
        Primitives.writeString(orEmpty(column.keyspace()), out);
        Primitives.writeString(orEmpty(column.table()), out);
      }
      Primitives.writeString(column.name(), out);
      DataTypeCodec.encode(column.type(), out, version);
    }
  }

  static RowsMetadata decode(ByteBuffer in, ProtocolVersion version) {
    return decode(in, version, null);
  }

  /**
   * @param known the columns this statement's answers carried last time, reused when the wire
   *     bytes are the same (and updated when they are not); null to decode in full
   */
  static RowsMetadata decode(ByteBuffer in, ProtocolVersion version, ColumnSpecCache known) {
    int flags = Primitives.readInt(in);
    int columnCount = Primitives.readInt(in);
    if (columnCount < 0) {
      throw new ProtocolError("negative column count " + columnCount);
    }
    ByteBuffer pagingState = (flags & HAS_MORE_PAGES) != 0 ? Primitives.readBytes(in) : null;
    ByteBuffer newMetadataId =
        (flags & METADATA_CHANGED) != 0 && version.code() >= 5 ? Primitives.readShortBytes(in) : null;
    if ((flags & NO_METADATA) != 0) {
      return new RowsMetadata(null, columnCount, pagingState, newMetadataId);
    }
    if (known != null && newMetadataId == null) {
      RowsMetadata same = known.match(in, layout(flags, version), columnCount);
      if (same != null) { // the last page of a query (or its only one) shares the whole metadata
        return pagingState == null ? same : new RowsMetadata(same.columns(), columnCount, pagingState, null);
      }
    }
    int specsStart = in.position();
    String globalKeyspace = null;
    String globalTable = null;
    boolean global = (flags & GLOBAL_TABLES_SPEC) != 0;
    if (global) {
      globalKeyspace = Primitives.readString(in);
      globalTable = Primitives.readString(in);
    }
    // A column spec is at least a 2-byte name and a 2-byte type id.
    Primitives.need(in, 4L * columnCount, columnCount, " column specs");
    List<ColumnDefinition> columns = new ArrayList<>(columnCount);
    for (int i = 0; i < columnCount; i++) {
      String keyspace = global ? globalKeyspace : Primitives.readString(in);
      String table = global ? globalTable : Primitives.readString(in);
      String name = Primitives.readString(in);
      columns.add(new ColumnDefinition(keyspace, table, name, DataTypeCodec.decode(in, version)));
    }
    RowsMetadata metadata = new RowsMetadata(columns, columnCount, pagingState, newMetadataId); // copies once
    if (known != null) {
      known.remember(in, layout(flags, version), specsStart, in.position(), metadata.columns());
    }
    return metadata;
  }

  /** What, besides the bytes, decides how column specs parse: the global-spec flag and the version. */
  private static int layout(int flags, ProtocolVersion version) {
    return (flags & GLOBAL_TABLES_SPEC) | version.code() << 8;
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }
}
