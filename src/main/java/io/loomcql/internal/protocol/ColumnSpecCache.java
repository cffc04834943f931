package io.loomcql.internal.protocol;

import io.loomcql.ColumnDefinition;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

/**
 * The column specs of the last Rows result decoded for one prepared statement, kept with the wire
 * bytes they came from. Every answer to an EXECUTE repeats them (on v3/v4 the driver never asks the
 * node to skip them: only v5 has the result metadata id that makes skipping safe after an ALTER
 * TABLE), so decoding them again means a dozen strings per response. When the bytes are the same
 * as last time the columns are the same too, and {@link RowsMetadata} reuses them; any difference
 * (a column added, renamed, retyped) decodes in full and replaces the snapshot.
 *
 * <p>Thread-safety: shared by every caller of the statement; one volatile snapshot, replaced whole.
 */
public final class ColumnSpecCache {
  /** @param lastPage the metadata of an answer with these columns and no paging state (immutable: shared) */
  private record Snapshot(int flags, byte[] specs, RowsMetadata lastPage) {}

  private volatile Snapshot snapshot;

  /**
   * If the specs of {@code columnCount} columns at the buffer's position are byte for byte the
   * remembered ones, read with the same layout flags, moves past them and returns the remembered
   * columns, as the metadata of a page without paging state; else null, the buffer untouched.
   * (Same flags, count and bytes parse to the same columns: the layout is fixed by the flags and
   * each spec's length by its bytes.)
   */
  RowsMetadata match(ByteBuffer in, int layoutFlags, int columnCount) {
    Snapshot known = snapshot;
    if (known == null || known.flags != layoutFlags || known.lastPage.columnCount() != columnCount) {
      return null;
    }
    byte[] specs = known.specs;
    int position = in.position();
    if (in.remaining() < specs.length) {
      return null;
    }
    if (in.hasArray()) {
      int from = in.arrayOffset() + position;
      if (Arrays.mismatch(in.array(), from, from + specs.length, specs, 0, specs.length) >= 0) {
        return null;
      }
    } else {
      for (int i = 0; i < specs.length; i++) {
        if (in.get(position + i) != specs[i]) {
          return null;
        }
      }
    }
    in.position(position + specs.length);
    return known.lastPage;
  }

  /** Remembers the columns just decoded from {@code in}'s bytes in [start, end). */
  void remember(ByteBuffer in, int layoutFlags, int start, int end, List<ColumnDefinition> columns) {
    byte[] specs = new byte[end - start];
    in.get(start, specs);
    snapshot = new Snapshot(layoutFlags, specs, new RowsMetadata(columns, columns.size(), null, null));
  }
}
