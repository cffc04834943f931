package io.loomcql.internal.connection;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The byte stream under a connection: plain TCP or TLS. Blocking, and used by exactly two threads
 * once the connection runs: {@link #read} only by the reader, {@link #write} only by the writer
 * (and both by the handshake before those threads start). {@link #close} may come from any thread
 * and unblocks both.
 */
public interface Transport {
  /**
   * Reads at least one byte into {@code dst}, blocking until some arrive.
   *
   * @return the bytes read, or -1 at the end of the stream
   */
  int read(ByteBuffer dst) throws IOException;

  /** Writes every remaining byte of {@code src}, blocking as needed. */
  void write(ByteBuffer src) throws IOException;

  /** Closes the stream and the socket under it. Idempotent. */
  void close();
}
