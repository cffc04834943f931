package io.loomcql.internal.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loomcql.ColumnDefinition;
import io.loomcql.ProtocolVersion;
import io.loomcql.error.ProtocolError;
import io.loomcql.internal.protocol.Frame;
import io.loomcql.internal.protocol.FrameHeader;
import io.loomcql.internal.protocol.Opcodes;
import io.loomcql.internal.protocol.Primitives;
import io.loomcql.internal.protocol.Result;
import io.loomcql.internal.protocol.RowsMetadata;
import io.loomcql.internal.protocol.RowsResult;
import io.loomcql.internal.protocol.VoidResult;
import io.loomcql.type.NativeType;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The caller's side of a response: the message alone when it can, the whole frame when asked. */
class ResponseFrameTest {
  private static final ProtocolVersion V4 = ProtocolVersion.V4;
  private static final RowsResult ONE_ROW = RowsResult.of(
      RowsMetadata.of(List.of(new ColumnDefinition("ks", "t", "v", NativeType.TEXT)), null),
      List.of(List.of(ByteBuffer.wrap("hello".getBytes(StandardCharsets.UTF_8)))));

  @Test
  void should_keep_the_body_as_the_rows_content_and_make_no_frame_without_a_prelude() {
    ResponseFrame answer = response(0, body(null, List.of(), ONE_ROW, 0));

    RowsResult rows = (RowsResult) answer.message(null);

    assertThat(rows).isEqualTo(ONE_ROW);
    assertThat(rows.content().getInt(rows.content().position())).isEqualTo(5); // positioned at the first cell
    assertThat(answer.warnings()).isEmpty();
    assertThat(answer.tracingId()).isNull();
    assertThat(answer.message(null)).isSameAs(rows); // decoded once
    Frame frame = answer.decode();
    assertThat(frame.message()).isSameAs(rows);
    assertThat(frame.version()).isEqualTo(V4);
    assertThat(frame.streamId()).isEqualTo(7);
    assertThat(answer.decode()).isSameAs(frame);
  }

  @Test
  void should_read_warnings_and_the_tracing_id_that_come_before_the_message() {
    UUID trace = UUID.randomUUID();
    int flags = FrameHeader.FLAG_TRACING | FrameHeader.FLAG_WARNING;
    ResponseFrame answer = response(flags, body(trace, List.of("batch too large"), ONE_ROW, 0));

    assertThat(answer.message(null)).isEqualTo(ONE_ROW);
    assertThat(answer.warnings()).containsExactly("batch too large");
    assertThat(answer.tracingId()).isEqualTo(trace);
    assertThat(answer.decode().warnings()).containsExactly("batch too large");
  }

  @Test
  void should_reject_bytes_after_the_last_row() {
    ResponseFrame answer = response(0, body(null, List.of(), ONE_ROW, 3));

    assertThatThrownBy(() -> answer.message(null))
        .isInstanceOf(ProtocolError.class)
        .hasMessageContaining("3 unread bytes after the last of 1 rows");
  }

  @Test
  void should_reject_bytes_after_a_void_result() {
    ByteBuffer body = ByteBuffer.allocate(6).putInt(Result.KIND_VOID).putShort((short) 0).flip();

    assertThatThrownBy(() -> response(0, body).message(null))
        .isInstanceOf(ProtocolError.class)
        .hasMessageContaining("2 unread bytes");
  }

  @Test
  void should_share_one_decoded_bare_void_answer() {
    ResponseFrame bare = ResponseFrame.bareVoid(V4, null);

    assertThat(bare.message(null)).isSameAs(VoidResult.INSTANCE);
    assertThat(bare.decode()).isSameAs(bare.decode());
    assertThat(bare.warnings()).isEmpty();
    assertThat(bare.tracingId()).isNull();
  }

  private static ResponseFrame response(int flags, ByteBuffer body) {
    return new ResponseFrame(V4.code(), flags, 7, Opcodes.RESULT, body, null);
  }

  /** A RESULT body: the prelude the flags announce, the message, then {@code trailing} zero bytes. */
  private static ByteBuffer body(UUID trace, List<String> warnings, Result result, int trailing) {
    ByteBuffer out = ByteBuffer.allocate(1024);
    if (trace != null) {
      Primitives.writeUuid(trace, out);
    }
    if (!warnings.isEmpty()) {
      Primitives.writeStringList(warnings, out);
    }
    Result.CODEC.encode(result, out, V4);
    out.put(new byte[trailing]);
    return out.flip();
  }
}
