package io.loomcql.internal.protocol.compression;

import io.loomcql.error.ProtocolError;
import java.nio.ByteBuffer;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;

/**
 * Raw LZ4 blocks (no frame, no length prefix), as v5 segments carry them and as v4 bodies carry
 * them after their 4-byte length. The only class that touches lz4-java: get it through {@link
 * Compressors#lz4Block()}, which checks the jar is there before this class is loaded.
 *
 * <p>Both directions use lz4-java's pure-Java safe implementation ({@code
 * LZ4Factory.safeInstance()}): its decompressor checks every length against the buffers it is
 * given, whatever the input, where the "fast" decompressor and the Unsafe and JNI variants trust
 * their input more than a hostile or broken peer deserves. Neither direction needs native code or
 * Unsafe, which also keeps the module-path story simple. Thread-safe.
 */
public final class Lz4Block {
  private static final Lz4Block INSTANCE = create();

  /**
   * LZ4 expands at most about 255 to 1 (a match length grows by 255 per extension byte); a block
   * claiming more than this from its size is a lie, caught before the output is allocated.
   */
  static final int MAX_RATIO = 255;

  private static final int RATIO_SLACK = 64;

  private final LZ4Compressor compressor;
  private final LZ4SafeDecompressor decompressor;

  private Lz4Block(LZ4Compressor compressor, LZ4SafeDecompressor decompressor) {
    this.compressor = compressor;
    this.decompressor = decompressor;
  }

  private static Lz4Block create() {
    LZ4Factory factory = LZ4Factory.safeInstance();
    return new Lz4Block(factory.fastCompressor(), factory.safeDecompressor());
  }

  static Lz4Block instance() {
    return INSTANCE;
  }

  /** Room {@link #compress} may need for {@code length} input bytes. */
  public int maxCompressedLength(int length) {
    return compressor.maxCompressedLength(length);
  }

  /** Whether {@code compressedLength} bytes of LZ4 could possibly expand to {@code length} bytes. */
  static boolean canExpandTo(int compressedLength, long length) {
    return length <= (long) compressedLength * MAX_RATIO + RATIO_SLACK;
  }

  /**
   * Compresses {@code srcLength} bytes at absolute index {@code srcIndex} into {@code dst} at
   * {@code dstIndex}, which needs {@link #maxCompressedLength} bytes of room. Positions are not
   * moved. Returns the compressed length.
   */
  public int compress(ByteBuffer src, int srcIndex, int srcLength, ByteBuffer dst, int dstIndex) {
    return compressor.compress(src, srcIndex, srcLength, dst, dstIndex, maxCompressedLength(srcLength));
  }

  /**
   * Decompresses the block of {@code srcLength} bytes at {@code srcIndex} into {@code dst} at
   * {@code dstIndex}; it must expand to exactly {@code length} bytes, and {@code dst} must have that
   * room. Positions are not moved.
   *
   * @param what names the input in the error message, e.g. "LZ4 segment"
   * @throws ProtocolError if the block is corrupt or does not expand to exactly {@code length}
   */
  public void decompress(ByteBuffer src, int srcIndex, int srcLength, ByteBuffer dst, int dstIndex, int length, String what) {
    int produced;
    try {
      produced = decompressor.decompress(src, srcIndex, srcLength, dst, dstIndex, length);
    } catch (RuntimeException e) {
      // LZ4Exception for malformed input; anything else from the library is treated the same way,
      // so a hostile peer cannot make the reader die of an unexpected exception type.
      throw Compressors.corrupt("corrupt " + what + ": " + e.getMessage(), e);
    }
    if (produced != length) {
      throw new ProtocolError(what + " expands to " + produced + " bytes, but declares " + length);
    }
  }
}
