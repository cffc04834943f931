/**
 * Compression codecs: whole-body compression of v3/v4 frames ({@link
 * io.loomcql.internal.protocol.compression.Compressor}) and the raw LZ4 block operations that v5
 * segments use ({@link io.loomcql.internal.protocol.compression.Lz4Block}).
 *
 * <p>The LZ4 and Snappy jars are optional: only {@link
 * io.loomcql.internal.protocol.compression.Compressors} decides to touch them, after checking they
 * are there, so a driver without them never loads a class that refers to them. Decompression
 * treats its input as hostile: lengths are checked before anything is allocated, and corrupt
 * input ends in {@link io.loomcql.error.ProtocolError}, never in a library exception.
 */
package io.loomcql.internal.protocol.compression;
