package io.loomcql.internal.protocol.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loomcql.error.ProtocolError;
import io.loomcql.internal.protocol.compression.Allocations;
import java.nio.ByteBuffer;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EnvelopeAssemblerTest {
  private final Random random = new Random(42);

  @Test
  void should_hand_out_each_envelope_of_a_self_contained_segment() {
    byte[] first = Wire.envelope(random, 3);
    byte[] second = Wire.envelope(random, 0);
    EnvelopeAssembler assembler = new EnvelopeAssembler(100);
    assembler.feed(new Segment(concat(first, second), true));

    assertThat(Wire.bytes(assembler.next())).isEqualTo(first);
    assertThat(Wire.bytes(assembler.next())).isEqualTo(second);
    assertThat(assembler.next()).isNull();
  }

  @Test
  void should_reject_a_self_contained_segment_that_ends_inside_an_envelope_before_handing_out_any() {
    byte[] whole = Wire.envelope(random, 3);
    byte[] cut = Wire.envelope(random, 10);
    ByteBuffer payload = concat(whole, cut);
    payload.limit(payload.limit() - 1);
    EnvelopeAssembler assembler = new EnvelopeAssembler(100);
    assertThatThrownBy(() -> assembler.feed(new Segment(payload, true)))
        .isExactlyInstanceOf(ProtocolError.class)
        .hasMessageContaining("ends inside an envelope");
    assertThat(assembler.next()).isNull();
  }

  @Test
  void should_reject_a_self_contained_segment_that_ends_inside_an_envelope_header() {
    ByteBuffer payload = concat(Wire.envelope(random, 3), new byte[] {5, 0, 0, 1});
    assertThatThrownBy(() -> new EnvelopeAssembler(100).feed(new Segment(payload, true)))
        .isExactlyInstanceOf(ProtocolError.class)
        .hasMessageContaining("envelope header");
  }

  @Test
  void should_reassemble_an_envelope_cut_anywhere_even_inside_its_header() {
    byte[] envelope = Wire.envelope(random, 50);
    for (int cut = 1; cut < envelope.length; cut++) {
      EnvelopeAssembler assembler = new EnvelopeAssembler(100);
      assembler.feed(new Segment(ByteBuffer.wrap(envelope, 0, cut).slice(), false));
      assertThat(assembler.next()).isNull();
      assertThat(assembler.hasPartialEnvelope()).isTrue();
      assembler.feed(new Segment(ByteBuffer.wrap(envelope, cut, envelope.length - cut).slice(), false));
      assertThat(Wire.bytes(assembler.next())).isEqualTo(envelope);
      assertThat(assembler.hasPartialEnvelope()).isFalse();
    }
  }

  @Test
  void should_accept_self_contained_segments_between_the_slices_of_a_large_envelope() {
    byte[] large = Wire.envelope(random, 60);
    byte[] small = Wire.envelope(random, 2);
    EnvelopeAssembler assembler = new EnvelopeAssembler(100);
    assembler.feed(new Segment(ByteBuffer.wrap(large, 0, 30).slice(), false));
    assertThat(assembler.next()).isNull();
    assembler.feed(new Segment(ByteBuffer.wrap(small), true));
    assertThat(Wire.bytes(assembler.next())).isEqualTo(small);
    assertThat(assembler.next()).isNull();
    assembler.feed(new Segment(ByteBuffer.wrap(large, 30, large.length - 30).slice(), false));
    assertThat(Wire.bytes(assembler.next())).isEqualTo(large);
  }

  @Test
  void should_reject_a_non_self_contained_segment_with_bytes_past_its_envelope() {
    byte[] envelope = Wire.envelope(random, 20);
    ByteBuffer payload = concat(envelope, new byte[] {1});
    assertThatThrownBy(() -> new EnvelopeAssembler(100).feed(new Segment(payload, false)))
        .isExactlyInstanceOf(ProtocolError.class)
        .hasMessageContaining("1 bytes past the end");
  }

  @Test
  void should_check_the_body_length_before_allocating_for_a_large_envelope() {
    ByteBuffer header = ByteBuffer.allocate(9).put((byte) 0x85).put((byte) 0).putShort((short) 1)
        .put((byte) 8).putInt(200 << 20).flip();
    EnvelopeAssembler assembler = new EnvelopeAssembler(1 << 20);
    assertThatThrownBy(() -> assembler.feed(new Segment(header.duplicate(), false)))
        .isExactlyInstanceOf(ProtocolError.class)
        .hasMessageContaining("209715200 outside [0, 1048576]");
    assertThat(Allocations.during(
        () -> new EnvelopeAssembler(1 << 20).feed(new Segment(header.duplicate(), false))))
        .isLessThan(64 * 1024);
  }

  @Test
  void should_reject_a_negative_body_length() {
    ByteBuffer header = ByteBuffer.allocate(9).put((byte) 0x85).put((byte) 0).putShort((short) 1)
        .put((byte) 8).putInt(-1).flip();
    assertThatThrownBy(() -> new EnvelopeAssembler(100).feed(new Segment(header, true)))
        .isExactlyInstanceOf(ProtocolError.class);
  }

  @Test
  void should_refuse_a_new_segment_before_the_last_one_was_drained() {
    EnvelopeAssembler assembler = new EnvelopeAssembler(100);
    assembler.feed(new Segment(ByteBuffer.wrap(Wire.envelope(random, 1)), true));
    assertThatThrownBy(() -> assembler.feed(new Segment(ByteBuffer.wrap(Wire.envelope(random, 1)), true)))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void should_hand_out_envelopes_that_own_their_bytes() {
    byte[] envelope = Wire.envelope(random, 5);
    ByteBuffer payload = ByteBuffer.wrap(envelope.clone());
    EnvelopeAssembler assembler = new EnvelopeAssembler(100);
    assembler.feed(new Segment(payload, true));
    ByteBuffer out = assembler.next();
    payload.put(0, new byte[payload.capacity()]); // the read buffer is reused
    assertThat(Wire.bytes(out)).isEqualTo(envelope);
  }

  private static ByteBuffer concat(byte[] a, byte[] b) {
    return ByteBuffer.allocate(a.length + b.length).put(a).put(b).flip();
  }
}
