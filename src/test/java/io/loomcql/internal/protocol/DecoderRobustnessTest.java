package io.loomcql.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loomcql.ProtocolVersion;
import io.loomcql.error.ProtocolError;
import io.loomcql.internal.codec.ValueDecoder;
import io.loomcql.type.DataType;
import java.nio.ByteBuffer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** Malformed input of any shape must end in {@link ProtocolError}, never another exception. */
class DecoderRobustnessTest {
  private static final int MAX_BODY = 1 << 20;

  @Property(tries = 3000)
  void should_fail_only_with_protocol_error_on_random_bytes(
      @ForAll @Size(max = 200) byte[] bytes, @ForAll boolean response) {
    decodeExpectingOnlyProtocolError(ByteBuffer.wrap(bytes), response);
  }

  @Property(tries = 3000)
  void should_fail_only_with_protocol_error_on_random_bodies_after_a_valid_header(
      @ForAll @IntRange(min = 0, max = 0x10) int opcode,
      @ForAll @IntRange(min = 0, max = 0x0F) int flags,
      @ForAll @Size(max = 200) byte[] body) {
    ByteBuffer frame = ByteBuffer.allocate(9 + body.length);
    frame.put((byte) 0x84).put((byte) flags).putShort((short) 1).put((byte) opcode).putInt(body.length).put(body).flip();
    decodeExpectingOnlyProtocolError(frame, true);
  }

  @Provide
  Arbitrary<Frame> validFrame() {
    return Arbitraries.of(ProtocolVersion.V3, ProtocolVersion.V4, ProtocolVersion.V5).flatMap(MessageArbitraries::frames);
  }

  @Property(tries = 3000)
  void should_fail_only_with_protocol_error_on_flipped_bits(
      @ForAll("validFrame") Frame frame, @ForAll @IntRange(min = 0, max = 1 << 20) int bitSeed) {
    ByteBuffer encoded = encode(frame);
    int bit = bitSeed % (encoded.limit() * 8);
    int index = bit / 8;
    encoded.put(index, (byte) (encoded.get(index) ^ (1 << (bit % 8))));
    decodeExpectingOnlyProtocolError(encoded, frame.isResponse());
  }

  @Property(tries = 2000)
  void should_reject_truncated_frames(@ForAll("validFrame") Frame frame, @ForAll @IntRange(min = 1, max = 1 << 20) int cutSeed) {
    ByteBuffer encoded = encode(frame);
    int keep = cutSeed % encoded.limit(); // strictly shorter than the frame
    ByteBuffer truncated = encoded.limit(keep);
    assertThatThrownBy(() -> FrameCodec.decode(truncated, frame.isResponse(), MAX_BODY)).isInstanceOf(ProtocolError.class);
  }

  @Test
  void should_reject_a_huge_length_before_reading_the_body() {
    ByteBuffer header = ByteBuffer.allocate(9).put((byte) 0x84).put((byte) 0).putShort((short) 0).put((byte) 0x08)
        .putInt(Integer.MAX_VALUE).flip();
    assertThatThrownBy(() -> FrameCodec.decodeHeader(header, true, ProtocolVersion.V4, MAX_BODY))
        .isInstanceOf(ProtocolError.class)
        .hasMessageContaining("2147483647");
  }

  @Test
  void should_reject_a_negative_length() {
    ByteBuffer header = ByteBuffer.allocate(9).put((byte) 0x84).put((byte) 0).putShort((short) 0).put((byte) 0x08)
        .putInt(-5).flip();
    assertThatThrownBy(() -> FrameCodec.decodeHeader(header, true, ProtocolVersion.V4, MAX_BODY))
        .isInstanceOf(ProtocolError.class);
  }

  @Test
  void should_reject_a_request_frame_where_a_response_is_expected() {
    ByteBuffer header = ByteBuffer.allocate(9).put((byte) 0x04).put((byte) 0).putShort((short) 0).put((byte) 0x05)
        .putInt(0).flip();
    assertThatThrownBy(() -> FrameCodec.decodeHeader(header, true, ProtocolVersion.V4, MAX_BODY))
        .isInstanceOf(ProtocolError.class)
        .hasMessageContaining("direction");
  }

  @Test
  void should_reject_another_version_than_the_negotiated_one() {
    ByteBuffer header = ByteBuffer.allocate(9).put((byte) 0x85).put((byte) 0).putShort((short) 0).put((byte) 0x02)
        .putInt(0).flip();
    assertThatThrownBy(() -> FrameCodec.decodeHeader(header, true, ProtocolVersion.V4, MAX_BODY))
        .isInstanceOf(ProtocolError.class)
        .hasMessageContaining("v5");
  }

  @Test
  void should_reject_a_string_list_whose_count_exceeds_the_body() {
    // SUPPORTED with a multimap claiming 65535 entries in 2 bytes of body
    ByteBuffer frame = ByteBuffer.allocate(11).put((byte) 0x84).put((byte) 0).putShort((short) 0).put((byte) 0x06)
        .putInt(2).putShort((short) 0xFFFF).flip();
    assertThatThrownBy(() -> FrameCodec.decode(frame, true, MAX_BODY))
        .isInstanceOf(ProtocolError.class)
        .hasMessageContaining("65535");
  }

  @Provide
  Arbitrary<DataType> anyType() {
    return MessageArbitraries.types();
  }

  @Property(tries = 3000)
  void should_fail_only_with_protocol_error_when_decoding_random_cells(
      @ForAll("anyType") DataType type, @ForAll @Size(max = 64) byte[] cell) {
    try {
      ValueDecoder.decode(type, ByteBuffer.wrap(cell));
    } catch (ProtocolError expected) {
      assertThat(expected.getMessage()).isNotBlank();
    }
  }

  private static ByteBuffer encode(Frame frame) {
    ByteBuffer buffer = ByteBuffer.allocate(FrameCodec.encodedSize(frame));
    FrameCodec.encode(frame, buffer);
    return buffer.flip();
  }

  private static void decodeExpectingOnlyProtocolError(ByteBuffer bytes, boolean response) {
    try {
      FrameCodec.decode(bytes, response, MAX_BODY);
    } catch (ProtocolError expected) {
      assertThat(expected.getMessage()).isNotBlank();
    }
  }
}
