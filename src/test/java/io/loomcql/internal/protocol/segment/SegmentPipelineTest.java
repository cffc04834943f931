package io.loomcql.internal.protocol.segment;

import static org.assertj.core.api.Assertions.assertThat;

import io.loomcql.Compression;
import io.loomcql.internal.protocol.compression.Compressors;
import io.loomcql.internal.protocol.compression.Lz4Block;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** Envelopes through packer, wire, decoder and assembler come out byte-identical and in order. */
class SegmentPipelineTest {
  private static final Lz4Block LZ4 = Compressors.forSegments(Compression.LZ4);
  private static final int MAX = SegmentFormat.MAX_PAYLOAD_LENGTH;

  /** Body sizes: mostly small, some around the segment limit, some up to ~400 KiB. */
  @Provide
  Arbitrary<Integer> bodySize() {
    return Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.integers().between(0, 300)),
        Tuple.of(1, Arbitraries.integers().between(MAX - 9 - 2, MAX - 9 + 2)),
        Tuple.of(2, Arbitraries.integers().between(0, 140_000).withDistribution(RandomDistribution.uniform())),
        Tuple.of(1, Arbitraries.integers().between(0, 400_000).withDistribution(RandomDistribution.uniform())));
  }

  @Property(tries = 300)
  void should_deliver_every_envelope_intact_and_in_order(
      @ForAll @Size(min = 1, max = 12) List<@From("bodySize") Integer> bodySizes,
      @ForAll boolean compressed,
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 70_000) int maxChunk) {
    Lz4Block lz4 = compressed ? LZ4 : null;
    Random random = new Random(seed);
    List<byte[]> envelopes = new ArrayList<>();
    for (int bodySize : bodySizes) {
      envelopes.add(Wire.envelope(random, bodySize));
    }
    List<byte[]> sent = new ArrayList<>();
    byte[] wire = Wire.write(envelopes, new SegmentPacker(lz4), random, sent);

    Wire.Received received = Wire.read(
        wire, new SegmentDecoder(lz4), new EnvelopeAssembler(Wire.MAX_BODY), random, maxChunk);

    assertThat(received.envelopes()).hasSameSizeAs(sent);
    for (int i = 0; i < sent.size(); i++) {
      assertThat(received.envelopes().get(i)).as("envelope %d", i).isEqualTo(sent.get(i));
    }
    assertThat(received.partialEnvelope()).isFalse();
    assertThat(received.leftover()).isZero();
  }

  @Property(tries = 300)
  void should_decode_segments_fed_in_arbitrary_chunks(
      @ForAll @Size(max = 8) List<@From("bodySize") Integer> payloadSizes,
      @ForAll boolean compressed,
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 70_000) int maxChunk) {
    Lz4Block lz4 = compressed ? LZ4 : null;
    Random random = new Random(seed);
    List<byte[]> payloads = new ArrayList<>();
    List<Boolean> flags = new ArrayList<>();
    ByteBuffer out = ByteBuffer.allocate(9 * SegmentFormat.MAX_SEGMENT_LENGTH);
    for (int size : payloadSizes) {
      byte[] payload = Wire.envelope(random, Math.min(size, MAX - 9));
      boolean selfContained = random.nextBoolean();
      SegmentFormat.encode(ByteBuffer.wrap(payload), selfContained, lz4, out);
      payloads.add(payload);
      flags.add(selfContained);
    }
    byte[] wire = Wire.bytes(out.flip());

    List<byte[]> decoded = new ArrayList<>();
    List<Boolean> decodedFlags = new ArrayList<>();
    ByteBuffer buffer = ByteBuffer.allocate(SegmentFormat.MAX_SEGMENT_LENGTH);
    SegmentDecoder decoder = new SegmentDecoder(lz4);
    int offset = 0;
    do {
      int chunk = Math.min(Math.min(1 + random.nextInt(maxChunk), buffer.remaining()), wire.length - offset);
      buffer.put(wire, offset, chunk);
      offset += chunk;
      buffer.flip();
      Segment segment;
      while ((segment = decoder.next(buffer)) != null) {
        decoded.add(Wire.bytes(segment.payload()));
        decodedFlags.add(segment.selfContained());
      }
      buffer.compact();
    } while (offset < wire.length);

    assertThat(decodedFlags).isEqualTo(flags);
    assertThat(decoded).hasSameSizeAs(payloads);
    for (int i = 0; i < payloads.size(); i++) {
      assertThat(decoded.get(i)).isEqualTo(payloads.get(i));
    }
    assertThat(buffer.position()).isZero();
  }

  @Test
  void should_pack_small_envelopes_into_one_self_contained_segment() {
    Random random = new Random(1);
    List<byte[]> envelopes = List.of(Wire.envelope(random, 10), Wire.envelope(random, 0), Wire.envelope(random, 500));
    SegmentPacker packer = new SegmentPacker(null);
    ByteBuffer out = ByteBuffer.allocate(packer.maxSegmentLength());
    for (byte[] envelope : envelopes) {
      assertThat(packer.fits(out, envelope.length)).isTrue();
      packer.startEnvelope(out, envelope.length).put(envelope);
    }
    packer.finish(out);

    assertThat(out.position()).isEqualTo(6 + 19 + 9 + 509 + 4);
    Segment segment = new SegmentDecoder(null).next(out.flip());
    assertThat(segment.selfContained()).isTrue();
    assertThat(segment.payload().remaining()).isEqualTo(19 + 9 + 509);
    assertThat(out.hasRemaining()).isFalse();
  }

  @Test
  void should_split_a_large_envelope_into_non_self_contained_segments_of_the_maximum_payload() {
    byte[] envelope = Wire.envelope(new Random(2), 400_000);
    SegmentPacker packer = new SegmentPacker(null);
    ByteBuffer out = ByteBuffer.allocate(4 * packer.maxSegmentLength());
    assertThat(packer.writeLarge(ByteBuffer.wrap(envelope), out)).isTrue();

    out.flip();
    SegmentDecoder decoder = new SegmentDecoder(null);
    List<Integer> lengths = new ArrayList<>();
    Segment segment;
    while ((segment = decoder.next(out)) != null) {
      assertThat(segment.selfContained()).isFalse();
      lengths.add(segment.payload().remaining());
    }
    assertThat(lengths).containsExactly(MAX, MAX, MAX, envelope.length - 3 * MAX);
  }

  @Test
  void should_close_the_open_segment_before_a_large_envelope_and_resume_after_a_flush() {
    Random random = new Random(3);
    byte[] small = Wire.envelope(random, 20);
    byte[] large = Wire.envelope(random, 300_000);
    SegmentPacker packer = new SegmentPacker(LZ4);
    ByteBuffer out = ByteBuffer.allocate(packer.maxSegmentLength());
    packer.startEnvelope(out, small.length).put(small);

    ByteBuffer whole = ByteBuffer.wrap(large);
    List<Segment> segments = new ArrayList<>();
    SegmentDecoder decoder = new SegmentDecoder(LZ4);
    EnvelopeAssembler assembler = new EnvelopeAssembler(Wire.MAX_BODY);
    List<byte[]> received = new ArrayList<>();
    boolean done;
    do {
      done = packer.writeLarge(whole, out);
      out.flip();
      Segment segment;
      while ((segment = decoder.next(out)) != null) {
        segments.add(segment);
        assembler.feed(segment);
        ByteBuffer envelope;
        while ((envelope = assembler.next()) != null) {
          received.add(Wire.bytes(envelope));
        }
      }
      assertThat(out.hasRemaining()).isFalse();
      out.clear();
    } while (!done);

    assertThat(segments).extracting(Segment::selfContained).containsExactly(true, false, false, false);
    assertThat(received).hasSize(2);
    assertThat(received.get(0)).isEqualTo(small);
    assertThat(received.get(1)).isEqualTo(large);
  }

  @Test
  void should_write_no_segment_for_an_envelope_rolled_back() {
    SegmentPacker packer = new SegmentPacker(null);
    ByteBuffer out = ByteBuffer.allocate(packer.maxSegmentLength());
    ByteBuffer target = packer.startEnvelope(out, 100);
    int mark = target.position();
    target.put(new byte[40]).position(mark);
    packer.finish(out);
    assertThat(out.position()).isZero();
  }
}
