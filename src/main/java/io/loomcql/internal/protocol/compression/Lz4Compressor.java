package io.loomcql.internal.protocol.compression;

import io.loomcql.error.ProtocolError;
import java.nio.ByteBuffer;

/**
 * LZ4 for v3/v4 bodies (native protocol v4, section 5): a 4-byte big-endian [int] holding the
 * uncompressed length, then one raw LZ4 block. Cassandra writes the length big-endian like every
 * [int] of those protocols; the spec does not say so explicitly.
 */
final class Lz4Compressor implements Compressor {
  private static final int LENGTH_PREFIX = 4;

  private final Lz4Block lz4;

  Lz4Compressor(Lz4Block lz4) {
    this.lz4 = lz4;
  }

  @Override
  public String protocolName() {
    return "lz4";
  }

  @Override
  public ByteBuffer compress(ByteBuffer body) {
    int length = body.remaining();
    ByteBuffer out = ByteBuffer.allocate(LENGTH_PREFIX + lz4.maxCompressedLength(length));
    out.putInt(0, length);
    int compressed = lz4.compress(body, body.position(), length, out, LENGTH_PREFIX);
    return out.limit(LENGTH_PREFIX + compressed);
  }

  @Override
  public ByteBuffer decompress(ByteBuffer compressed, int maxLength) {
    int start = compressed.position();
    int available = compressed.remaining();
    if (available < LENGTH_PREFIX) {
      throw new ProtocolError("LZ4 body of " + available + " bytes has no room for its 4-byte length");
    }
    int length = compressed.getInt(start);
    int blockLength = available - LENGTH_PREFIX;
    Compressors.checkDeclaredLength("LZ4 body", length, maxLength);
    if (!Lz4Block.canExpandTo(blockLength, length)) {
      throw new ProtocolError(
          "LZ4 body declares " + length + " uncompressed bytes, impossible from " + blockLength + " compressed bytes");
    }
    // Only now, with the length known to be sane, is the output allocated.
    ByteBuffer out = ByteBuffer.allocate(length);
    lz4.decompress(compressed, start + LENGTH_PREFIX, blockLength, out, 0, length, "LZ4 body");
    return out;
  }
}
