package io.loomcql.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.loomcql.ColumnDefinition;
import io.loomcql.type.DataType;
import io.loomcql.type.NativeType;
import io.loomcql.ProtocolVersion;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnSpecCacheTest {
  private static final ProtocolVersion V4 = ProtocolVersion.V4;

  @Test
  void should_reuse_the_decoded_columns_when_the_specs_repeat_byte_for_byte() {
    ColumnSpecCache known = new ColumnSpecCache();
    List<ColumnDefinition> columns = List.of(column("pk", NativeType.BIGINT), column("v", NativeType.TEXT));
    RowsResult first = decode(rows(columns, "a"), known);
    RowsResult second = decode(rows(columns, "b"), known);

    assertThat(first.metadata().columns()).isEqualTo(columns);
    assertThat(second.metadata().columns()).isSameAs(first.metadata().columns());
    assertThat(cell(second)).isEqualTo("b");
  }

  @Test
  void should_keep_each_page_paging_state_when_reusing_columns() {
    ColumnSpecCache known = new ColumnSpecCache();
    List<ColumnDefinition> columns = List.of(column("pk", NativeType.BIGINT));
    decode(rows(columns, "a"), known);
    ByteBuffer paging = ByteBuffer.wrap(new byte[] {1, 2, 3});
    RowsResult page = RowsResult.of(RowsMetadata.of(columns, paging), List.of(List.of(ByteBuffer.wrap("b".getBytes()))));
    ByteBuffer body = ByteBuffer.allocate(Result.CODEC.encodedSize(page, V4));
    Result.CODEC.encode(page, body, V4);
    RowsResult decoded = decode(body.flip(), known);

    assertThat(decoded.metadata().pagingState()).isEqualTo(paging);
    assertThat(decode(rows(columns, "c"), known).metadata().pagingState()).isNull();
  }

  @Test
  void should_decode_again_when_the_columns_changed() {
    ColumnSpecCache known = new ColumnSpecCache();
    List<ColumnDefinition> before = List.of(column("pk", NativeType.BIGINT), column("v", NativeType.TEXT));
    List<ColumnDefinition> after = List.of(column("pk", NativeType.BIGINT), column("v", NativeType.INT));
    decode(rows(before, "a"), known);
    RowsResult changed = decode(rows(after, "b"), known);

    assertThat(changed.metadata().columns()).isEqualTo(after);
    assertThat(decode(rows(after, "c"), known).metadata().columns()).isSameAs(changed.metadata().columns());
  }

  @Test
  void should_not_reuse_columns_across_layouts_or_counts() {
    ColumnSpecCache known = new ColumnSpecCache();
    List<ColumnDefinition> global = List.of(column("pk", NativeType.BIGINT));
    List<ColumnDefinition> mixed = List.of(column("pk", NativeType.BIGINT),
        new ColumnDefinition("other", "t", "x", NativeType.TEXT));
    decode(rows(global, "a"), known);
    assertThat(decode(rows(mixed, "b"), known).metadata().columns()).isEqualTo(mixed);
    assertThat(decode(rows(global, "c"), known).metadata().columns()).isEqualTo(global);
  }

  private static ColumnDefinition column(String name, DataType type) {
    return new ColumnDefinition("ks", "t", name, type);
  }

  /** One row whose cells are all {@code value} (as text bytes). */
  private static ByteBuffer rows(List<ColumnDefinition> columns, String value) {
    List<ByteBuffer> row = columns.stream().map(c -> ByteBuffer.wrap(value.getBytes())).toList();
    RowsResult result = RowsResult.of(RowsMetadata.of(columns, null), List.of(row));
    ByteBuffer body = ByteBuffer.allocate(Result.CODEC.encodedSize(result, V4));
    Result.CODEC.encode(result, body, V4);
    return body.flip();
  }

  private static RowsResult decode(ByteBuffer body, ColumnSpecCache known) {
    RowsResult result = (RowsResult) Result.decode(body, V4, known);
    assertThat(result.content()).isSameAs(body); // rows end the body, and keep it as their content
    return result;
  }

  private static String cell(RowsResult result) {
    ByteBuffer content = result.content().duplicate();
    int length = content.getInt();
    byte[] bytes = new byte[length];
    content.get(bytes);
    return new String(bytes);
  }
}
