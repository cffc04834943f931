package io.loomcql.internal.protocol.compression;

import io.loomcql.error.ProtocolError;
import java.nio.ByteBuffer;

/**
 * Compresses and decompresses the body of a v3/v4 frame (native protocol v4, section 5), the
 * header being never compressed. One instance serves every connection: implementations are
 * stateless and thread-safe.
 *
 * <p>Both methods read the bytes between the input's position and limit without moving its
 * position, and return a new buffer positioned at 0 whose limit is the result's length.
 */
public interface Compressor {
  /** The algorithm's name in the COMPRESSION option of STARTUP, e.g. {@code "lz4"}. */
  String protocolName();

  ByteBuffer compress(ByteBuffer body);

  /**
   * Restores a body compressed by the peer.
   *
   * @param maxLength the largest body accepted; a declared length above it, or one the input could
   *     not possibly expand to, is rejected before anything is allocated
   * @throws ProtocolError if the input is corrupt or too large, and for no other reason
   */
  ByteBuffer decompress(ByteBuffer compressed, int maxLength);
}
