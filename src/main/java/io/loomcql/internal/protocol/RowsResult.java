package io.loomcql.internal.protocol;

import io.loomcql.ProtocolVersion;
import io.loomcql.error.ProtocolError;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * RESULT Rows. The cells stay in their wire form ({@code content}: rowCount x columnCount
 * [bytes] from its position to its limit, already checked to be well formed) so that the reader
 * thread only frames and the caller decodes exactly the cells it reads.
 *
 * <p>Rows are the last thing in a RESULT body, so a decoded result keeps the body buffer itself as
 * its content, positioned at the first row: no slice per response. Read it with absolute
 * offsets from its position, or through a duplicate.
 */
public record RowsResult(RowsMetadata metadata, int rowCount, ByteBuffer content) implements Result {

  /** Builds a result from cell values (null = CQL null): for servers and tests. */
  public static RowsResult of(RowsMetadata metadata, List<List<ByteBuffer>> rows) {
    int size = 0;
    for (List<ByteBuffer> row : rows) {
      if (row.size() != metadata.columnCount()) {
        throw new IllegalArgumentException("row of " + row.size() + " cells for " + metadata.columnCount() + " columns");
      }
      for (ByteBuffer cell : row) {
        size += Primitives.sizeOfBytes(cell);
      }
    }
    ByteBuffer content = ByteBuffer.allocate(size);
    for (List<ByteBuffer> row : rows) {
      for (ByteBuffer cell : row) {
        Primitives.writeBytes(cell, content);
      }
    }
    return new RowsResult(metadata, rows.size(), content.flip().asReadOnlyBuffer());
  }

  int bodySize(ProtocolVersion version) {
    return metadata.encodedSize(version) + 4 + content.remaining();
  }

  void encodeBody(ByteBuffer out, ProtocolVersion version) {
    metadata.encode(out, version);
    out.putInt(rowCount);
    out.put(content.duplicate());
  }

  static RowsResult decodeBody(ByteBuffer in, ProtocolVersion version) {
    return decodeBody(in, version, null);
  }

  /**
   * Decodes the rows that end a RESULT body: bytes after the last row are a {@link
   * ProtocolError}. On return {@code in} is the result's content: positioned at the first row.
   *
   * @param known see {@link RowsMetadata#decode(ByteBuffer, ProtocolVersion, ColumnSpecCache)}
   */
  static RowsResult decodeBody(ByteBuffer in, ProtocolVersion version, ColumnSpecCache known) {
    RowsMetadata metadata = RowsMetadata.decode(in, version, known);
    int rowCount = Primitives.readInt(in);
    if (rowCount < 0) {
      throw new ProtocolError("negative row count " + rowCount);
    }
    long cells = (long) rowCount * metadata.columnCount();
    if (4 * cells > in.remaining()) {
      Primitives.need(in, 4 * cells, rowCount + " rows of " + metadata.columnCount() + " columns");
    }
    int start = in.position();
    for (long i = 0; i < cells; i++) {
      int length = Primitives.readInt(in);
      if (length > 0) {
        Primitives.need(in, length, "cell");
        in.position(in.position() + length);
      } else if (length < -1) {
        throw new ProtocolError("invalid cell length " + length);
      }
    }
    if (in.hasRemaining()) {
      throw new ProtocolError(in.remaining() + " unread bytes after the last of " + rowCount + " rows");
    }
    // Rows hand out read-only views of their cells, so the body itself can be the content.
    in.position(start);
    return new RowsResult(metadata, rowCount, in);
  }
}
