package io.loomcql.internal.protocol.compression;

import io.loomcql.Compression;
import io.loomcql.error.ProtocolError;

/**
 * Maps {@link Compression} to its codecs, touching an optional jar only when its algorithm is
 * asked for. A missing jar fails here, at connection setup, with an {@link IllegalStateException}
 * that names the Maven artifact to add, instead of a {@link NoClassDefFoundError} in the middle of
 * a response.
 *
 * <p>This class refers to the codec classes but never to a library class, so it loads without the
 * jars; the codec classes, which do, are loaded only after the library was found.
 */
public final class Compressors {
  static final String LZ4_CLASS = "net.jpountz.lz4.LZ4Factory";
  static final String LZ4_ARTIFACT = "at.yawk.lz4:lz4-java";
  static final String LZ4_MODULE = "org.lz4.java";
  static final String SNAPPY_CLASS = "org.xerial.snappy.Snappy";
  static final String SNAPPY_ARTIFACT = "org.xerial.snappy:snappy-java";
  static final String SNAPPY_MODULE = "org.xerial.snappy";

  private Compressors() {}

  /** The value of STARTUP's COMPRESSION option ("lz4", "snappy"), or null for {@link Compression#NONE}. */
  public static String startupOption(Compression compression) {
    return switch (compression) {
      case NONE -> null;
      case LZ4 -> "lz4";
      case SNAPPY -> "snappy";
    };
  }

  /**
   * Fails now, at {@code build()}, if the chosen compression cannot load.
   *
   * @throws IllegalStateException naming the missing artifact
   */
  public static void check(Compression compression) {
    forBody(compression);
  }

  /**
   * The body codec for protocols v3 and v4, or null for {@link Compression#NONE}.
   *
   * @throws IllegalStateException if the algorithm's jar (or native library) is not available
   */
  public static Compressor forBody(Compression compression) {
    return forBody(compression, Compressors.class.getClassLoader());
  }

  static Compressor forBody(Compression compression, ClassLoader loader) {
    return switch (compression) {
      case NONE -> null;
      case LZ4 -> new Lz4Compressor(lz4Block(loader));
      case SNAPPY -> snappy(loader);
    };
  }

  /**
   * The codec of v5 segments, or null for {@link Compression#NONE} (segments then use the
   * uncompressed format). v5 defines LZ4 only.
   *
   * @throws IllegalArgumentException for {@link Compression#SNAPPY}
   * @throws IllegalStateException if lz4-java is not available
   */
  public static Lz4Block forSegments(Compression compression) {
    return switch (compression) {
      case NONE -> null;
      case LZ4 -> lz4Block(Compressors.class.getClassLoader());
      case SNAPPY -> throw new IllegalArgumentException(
          "protocol v5 compresses with LZ4 only; Snappy is limited to protocols v3 and v4");
    };
  }

  private static Lz4Block lz4Block(ClassLoader loader) {
    requireOnPath(LZ4_CLASS, "LZ4", LZ4_ARTIFACT, LZ4_MODULE, loader);
    try {
      return Lz4Block.instance();
    } catch (LinkageError e) {
      throw new IllegalStateException("LZ4 compression is unavailable: " + LZ4_ARTIFACT + " failed to load: " + e, e);
    }
  }

  private static Compressor snappy(ClassLoader loader) {
    requireOnPath(SNAPPY_CLASS, "Snappy", SNAPPY_ARTIFACT, SNAPPY_MODULE, loader);
    try {
      SnappyCompressor.load();
    } catch (LinkageError e) {
      throw new IllegalStateException("Snappy compression is unavailable: " + SNAPPY_ARTIFACT + " failed to load: " + e, e);
    }
    return new SnappyCompressor();
  }

  /** Fails with a message naming the artifact if {@code className} cannot be found. */
  static void requireOnPath(String className, String algorithm, String artifact, String module, ClassLoader loader) {
    try {
      Class.forName(className, false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalStateException(
          algorithm + " compression was requested but " + artifact + " is not on the class path"
              + " (on the module path, module " + module + " must be resolved, e.g. --add-modules " + module + ")",
          e);
    }
  }

  /** Rejects a declared uncompressed length that is negative or above the maximum, before allocating. */
  static void checkDeclaredLength(String what, int length, int maxLength) {
    if (length < 0) {
      throw new ProtocolError(what + " declares a negative uncompressed length " + length);
    }
    if (length > maxLength) {
      throw new ProtocolError(
          what + " declares " + length + " uncompressed bytes, more than the maximum " + maxLength);
    }
  }

  /** A {@link ProtocolError} keeping the library's exception as its cause, for the logs. */
  static ProtocolError corrupt(String message, Throwable cause) {
    ProtocolError error = new ProtocolError(message);
    error.initCause(cause);
    return error;
  }
}
