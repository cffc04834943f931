package io.loomcql.internal.protocol.compression;

import io.loomcql.error.ProtocolError;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.xerial.snappy.Snappy;
import org.xerial.snappy.SnappyError;

/**
 * Snappy for v3/v4 bodies: the body is one raw Snappy block (which starts with its uncompressed
 * length as a varint). snappy-java is JNI, so the native library loads on first use; {@link
 * Compressors} forces that load up front so that a platform without it fails at connection setup,
 * not in the middle of a response.
 *
 * <p>snappy-java's ByteBuffer API wants direct buffers, so this goes through byte arrays, copying
 * only when the buffer has no accessible array.
 */
final class SnappyCompressor implements Compressor {
  /**
   * Snappy's densest element is a 3-byte copy of 64 bytes: no block expands by more than about
   * 22 to 1. A declared length beyond that ratio is rejected before allocating.
   */
  private static final int MAX_RATIO = 32;

  private static final int RATIO_SLACK = 64;

  @Override
  public String protocolName() {
    return "snappy";
  }

  /** Loads the native library now, so a missing one surfaces as a setup error. */
  static void load() {
    try {
      Snappy.uncompressedLength(new byte[] {0}, 0, 1);
    } catch (IOException | SnappyError e) {
      throw new IllegalStateException("snappy-java cannot load its native library on this platform: " + e.getMessage(), e);
    }
  }

  @Override
  public ByteBuffer compress(ByteBuffer body) {
    int length = body.remaining();
    byte[] input = array(body);
    int offset = arrayOffset(body);
    byte[] out = new byte[Snappy.maxCompressedLength(length)];
    try {
      int compressed = Snappy.compress(input, offset, length, out, 0);
      return ByteBuffer.wrap(out, 0, compressed);
    } catch (IOException e) {
      // Compressing our own bytes fails only if the native library is broken.
      throw new IllegalStateException("Snappy compression failed: " + e.getMessage(), e);
    }
  }

  @Override
  public ByteBuffer decompress(ByteBuffer compressed, int maxLength) {
    int available = compressed.remaining();
    byte[] input = array(compressed);
    int offset = arrayOffset(compressed);
    int length;
    try {
      length = Snappy.uncompressedLength(input, offset, available);
    } catch (IOException | SnappyError | RuntimeException e) {
      throw Compressors.corrupt("corrupt Snappy body: " + e.getMessage(), e);
    }
    Compressors.checkDeclaredLength("Snappy body", length, maxLength);
    if (length > (long) available * MAX_RATIO + RATIO_SLACK) {
      throw new ProtocolError(
          "Snappy body declares " + length + " uncompressed bytes, impossible from " + available + " compressed bytes");
    }
    // Snappy bounds its output by the declared length, which is exactly what is allocated here.
    byte[] out = new byte[length];
    int produced;
    try {
      produced = Snappy.uncompress(input, offset, available, out, 0);
    } catch (IOException | SnappyError | RuntimeException e) {
      throw Compressors.corrupt("corrupt Snappy body: " + e.getMessage(), e);
    }
    if (produced != length) {
      throw new ProtocolError("Snappy body expands to " + produced + " bytes, but declares " + length);
    }
    return ByteBuffer.wrap(out);
  }

  private static byte[] array(ByteBuffer buffer) {
    if (buffer.hasArray()) {
      return buffer.array();
    }
    byte[] copy = new byte[buffer.remaining()];
    buffer.get(buffer.position(), copy);
    return copy;
  }

  private static int arrayOffset(ByteBuffer buffer) {
    return buffer.hasArray() ? buffer.arrayOffset() + buffer.position() : 0;
  }
}
