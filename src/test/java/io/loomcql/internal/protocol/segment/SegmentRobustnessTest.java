package io.loomcql.internal.protocol.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.loomcql.Compression;
import io.loomcql.error.ProtocolError;
import io.loomcql.internal.protocol.compression.Compressors;
import io.loomcql.internal.protocol.compression.Lz4Block;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Hostile or damaged bytes end in {@link ProtocolError} (or "need more bytes"), never in another
 * exception, a hang or an allocation past the guards (segments are at most 128 KiB; envelope
 * bodies are capped by {@link Wire#MAX_BODY}).
 */
class SegmentRobustnessTest {
  private static final Lz4Block LZ4 = Compressors.forSegments(Compression.LZ4);

  @Property(tries = 3000)
  void should_fail_only_with_protocol_error_on_random_bytes(
      @ForAll @Size(max = 400) byte[] bytes, @ForAll boolean compressed) {
    ByteBuffer buffer = ByteBuffer.allocate(SegmentFormat.MAX_SEGMENT_LENGTH).put(bytes).flip();
    Throwable failure = catchThrowable(() -> readAll(buffer, compressed ? LZ4 : null));
    assertThat(failure).satisfiesAnyOf(f -> assertThat(f).isNull(), f -> assertThat(f).isInstanceOf(ProtocolError.class));
  }

  /** Any single flipped bit of a segment stream is caught by a CRC, whatever the segment holds. */
  @Property(tries = 1000)
  void should_report_any_flipped_bit_as_a_corrupt_segment(
      @ForAll long seed, @ForAll boolean compressed, @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int bitSeed) {
    Lz4Block lz4 = compressed ? LZ4 : null;
    Random random = new Random(seed);
    byte[] wire = someWire(random, lz4);
    int bit = bitSeed % (wire.length * 8);
    wire[bit / 8] ^= (byte) (1 << (bit % 8));

    Throwable failure = catchThrowable(() ->
        Wire.read(wire, new SegmentDecoder(lz4), new EnvelopeAssembler(Wire.MAX_BODY), random, 1 + random.nextInt(5000)));
    assertThat(failure).isInstanceOf(CorruptSegmentException.class);
  }

  /** A stream cut anywhere yields a prefix of its envelopes, then waits: no error, no garbage. */
  @Property(tries = 1000)
  void should_wait_for_more_bytes_when_the_stream_is_truncated(
      @ForAll long seed, @ForAll boolean compressed, @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int cutSeed) {
    Lz4Block lz4 = compressed ? LZ4 : null;
    Random random = new Random(seed);
    List<byte[]> sent = new ArrayList<>();
    byte[] wire = someWire(random, lz4, sent);
    byte[] cut = java.util.Arrays.copyOf(wire, cutSeed % wire.length);

    Wire.Received received = Wire.read(
        cut, new SegmentDecoder(lz4), new EnvelopeAssembler(Wire.MAX_BODY), random, 1 + random.nextInt(5000));
    assertThat(received.envelopes().size()).isLessThan(sent.size() + 1);
    for (int i = 0; i < received.envelopes().size(); i++) {
      assertThat(received.envelopes().get(i)).isEqualTo(sent.get(i));
    }
  }

  /** Segments with valid CRCs around junk: the decompressor and assembler must still cope. */
  @Property(tries = 3000)
  void should_fail_only_with_protocol_error_on_junk_inside_valid_crcs(
      @ForAll @Size(max = 300) byte[] junk,
      @ForAll @IntRange(max = SegmentFormat.MAX_PAYLOAD_LENGTH) int claimedLength,
      @ForAll boolean selfContained,
      @ForAll boolean compressed,
      @ForAll long seed) {
    Random random = new Random(seed);
    ByteBuffer payload = ByteBuffer.wrap(plausibleJunk(random, junk));
    ByteBuffer out = ByteBuffer.allocate(SegmentFormat.MAX_SEGMENT_LENGTH);
    int length = payload.remaining();
    if (compressed) {
      // an LZ4 header claiming any uncompressed length over a "compressed" payload of junk
      out.put(8, payload, 0, length);
      SegmentFormat.putLz4Header(out, 0, length, random.nextBoolean() ? length : claimedLength, selfContained);
      SegmentFormat.putTrailer(out, 8, length);
      out.position(8 + length + 4);
    } else {
      SegmentFormat.encode(payload, selfContained, null, out);
    }
    out.flip();

    Throwable failure = catchThrowable(() -> readAll(out, compressed ? LZ4 : null));
    assertThat(failure).satisfiesAnyOf(
        f -> assertThat(f).isNull(),
        f -> assertThat(f).isInstanceOf(ProtocolError.class).isNotInstanceOf(CorruptSegmentException.class));
  }

  /** Decodes and assembles everything in the buffer, as the reader would. */
  private static void readAll(ByteBuffer buffer, Lz4Block lz4) {
    SegmentDecoder decoder = new SegmentDecoder(lz4);
    EnvelopeAssembler assembler = new EnvelopeAssembler(Wire.MAX_BODY);
    Segment segment;
    while ((segment = decoder.next(buffer)) != null) {
      assembler.feed(segment);
      ByteBuffer envelope;
      while ((envelope = assembler.next()) != null) {
        assertThat(envelope.remaining()).isLessThanOrEqualTo(9 + Wire.MAX_BODY);
      }
    }
  }

  /** Junk, but often shaped like envelope headers with small (possibly wrong) lengths. */
  private static byte[] plausibleJunk(Random random, byte[] junk) {
    ByteBuffer out = ByteBuffer.allocate(junk.length + 64);
    int index = 0;
    while (index < junk.length && out.remaining() >= 9) {
      if (random.nextBoolean()) {
        out.put((byte) 0x85).put((byte) 0).putShort((short) 0).put((byte) 8).putInt(random.nextInt(40) - 2);
      }
      int take = Math.min(junk.length - index, Math.min(random.nextInt(40), out.remaining()));
      out.put(junk, index, take);
      index += take;
    }
    return Wire.bytes(out.flip());
  }

  private static byte[] someWire(Random random, Lz4Block lz4) {
    return someWire(random, lz4, new ArrayList<>());
  }

  private static byte[] someWire(Random random, Lz4Block lz4, List<byte[]> sent) {
    List<byte[]> envelopes = new ArrayList<>();
    int count = 1 + random.nextInt(6);
    for (int i = 0; i < count; i++) {
      int bodySize = random.nextInt(10) == 0 ? random.nextInt(300_000) : random.nextInt(400);
      envelopes.add(Wire.envelope(random, bodySize));
    }
    byte[] wire = Wire.write(envelopes, new SegmentPacker(lz4), random, sent);
    if (wire.length == 0) { // every envelope was "rolled back": send one more
      return someWire(random, lz4, sent);
    }
    return wire;
  }
}
