package io.loomcql.internal.protocol.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Test doubles of the connection's writer and reader loops, calling the packer, decoder and
 * assembler exactly in the sequence their Javadoc prescribes, with a byte array for the socket.
 */
final class Wire {
  static final int MAX_BODY = 1 << 20;

  private Wire() {}

  /** An envelope: v5 request header (9 bytes) and a body, random or compressible, from the seed. */
  static byte[] envelope(Random random, int bodyLength) {
    byte[] envelope = new byte[9 + bodyLength];
    ByteBuffer header = ByteBuffer.wrap(envelope);
    header.put((byte) 0x05).put((byte) random.nextInt(16)).putShort((short) random.nextInt(32768))
        .put((byte) random.nextInt(0x11)).putInt(bodyLength);
    if (random.nextBoolean()) {
      byte[] body = new byte[bodyLength];
      random.nextBytes(body);
      System.arraycopy(body, 0, envelope, 9, bodyLength);
    } else {
      byte period = (byte) (1 + random.nextInt(40));
      for (int i = 0; i < bodyLength; i++) {
        envelope[9 + i] = (byte) ((i % period) * 7);
      }
    }
    return envelope;
  }

  /**
   * The writer loop: packs the envelopes, flushing when the packer says the buffer is full and, at
   * random, as if the queue had run empty. An envelope whose encoding "fails" half-way is rolled
   * back as FrameWriter does; the envelopes actually sent are added to {@code sent}.
   */
  static byte[] write(List<byte[]> envelopes, SegmentPacker packer, Random random, List<byte[]> sent) {
    ByteArrayOutputStream socket = new ByteArrayOutputStream();
    int capacity = packer.maxSegmentLength() + (random.nextBoolean() ? 0 : random.nextInt(300_000));
    ByteBuffer out = random.nextBoolean() ? ByteBuffer.allocateDirect(capacity) : ByteBuffer.allocate(capacity);
    for (byte[] envelope : envelopes) {
      if (envelope.length <= SegmentFormat.MAX_PAYLOAD_LENGTH) {
        if (!packer.fits(out, envelope.length)) {
          packer.finish(out);
          flush(out, socket);
        }
        ByteBuffer target = packer.startEnvelope(out, envelope.length);
        int mark = target.position();
        if (random.nextInt(12) == 0) {
          target.put(envelope, 0, envelope.length / 2); // the encoder threw half-way
          target.position(mark);
          continue;
        }
        target.put(envelope);
      } else {
        ByteBuffer whole = ByteBuffer.wrap(envelope);
        while (!packer.writeLarge(whole, out)) {
          flush(out, socket);
        }
      }
      sent.add(envelope);
      if (random.nextInt(4) == 0) {
        packer.finish(out);
        flush(out, socket);
      }
    }
    packer.finish(out);
    flush(out, socket);
    return socket.toByteArray();
  }

  private static void flush(ByteBuffer out, ByteArrayOutputStream socket) {
    out.flip();
    byte[] bytes = new byte[out.remaining()];
    out.get(bytes);
    socket.write(bytes, 0, bytes.length);
    out.clear();
  }

  /** What the reader loop saw: the envelopes (copied), and the segments' flags in order. */
  record Received(List<byte[]> envelopes, List<Boolean> selfContained, boolean partialEnvelope, int leftover) {}

  /**
   * The reader loop: the socket delivers the wire in random chunks of at most {@code maxChunk}
   * bytes into a buffer that holds one segment; every segment goes to the assembler at once.
   */
  static Received read(byte[] wire, SegmentDecoder decoder, EnvelopeAssembler assembler, Random random, int maxChunk) {
    List<byte[]> envelopes = new ArrayList<>();
    List<Boolean> flags = new ArrayList<>();
    ByteBuffer buffer = ByteBuffer.allocate(SegmentFormat.MAX_SEGMENT_LENGTH + random.nextInt(1000));
    int offset = 0;
    while (offset < wire.length) {
      int chunk = Math.min(Math.min(1 + random.nextInt(maxChunk), buffer.remaining()), wire.length - offset);
      assertThat(chunk).as("reader stalled: buffer full of an incomplete segment").isPositive();
      buffer.put(wire, offset, chunk);
      offset += chunk;
      buffer.flip();
      Segment segment;
      while ((segment = decoder.next(buffer)) != null) {
        flags.add(segment.selfContained());
        assembler.feed(segment);
        ByteBuffer envelope;
        while ((envelope = assembler.next()) != null) {
          byte[] copy = new byte[envelope.remaining()];
          envelope.get(copy);
          envelopes.add(copy);
        }
      }
      buffer.compact();
    }
    return new Received(envelopes, flags, assembler.hasPartialEnvelope(), buffer.position());
  }

  static byte[] bytes(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.duplicate().get(bytes);
    return bytes;
  }
}
