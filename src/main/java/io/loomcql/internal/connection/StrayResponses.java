package io.loomcql.internal.connection;

import io.loomcql.error.ProtocolError;
import io.loomcql.internal.protocol.ErrorResponse;
import io.loomcql.internal.protocol.Opcodes;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one connection does with a response on a stream id that has no request (never issued, or
 * answered already). It is dropped with a WARN, and the {@link #max}-th such response closes the
 * connection: a few can be a node's bug, many mean it is confused about the stream ids or hostile.
 * Stream 0 is stricter: Cassandra answers there when it could not read the stream id of a
 * request, so a response on 0 with nothing pending closes the connection at once.
 *
 * <p>The late answer of a timed-out request is not stray: its request keeps the slot until the
 * answer comes. Thread-safety: called by the reader; the limit may be changed by any thread.
 */
final class StrayResponses {
  private static final Logger LOG = LoggerFactory.getLogger(StrayResponses.class);

  /** The default limit. Not a user option; tests lower it with {@link #max(int)}. */
  static final int DEFAULT_MAX = 100;

  private final InetSocketAddress address;
  private final String connection;
  private final AtomicInteger count = new AtomicInteger();
  private volatile int max = DEFAULT_MAX;

  StrayResponses(InetSocketAddress address, String connection) {
    this.address = address;
    this.connection = connection;
  }

  /**
   * Drops a stray response, or refuses it.
   *
   * @throws ProtocolError when the connection must close
   */
  void drop(int id, ResponseFrame frame) {
    if (id == 0) {
      throw new ProtocolError(address, "response on stream 0 of " + connection + " with no request pending ("
          + describe(frame) + ")");
    }
    int stray = count.incrementAndGet();
    int limit = max;
    LOG.warn("[{}] dropping a response on stream {} that has no request ({} of {} before this connection closes)",
        connection, id, stray, limit);
    if (stray >= limit) {
      throw new ProtocolError(address, stray + " responses on stream ids with no request on " + connection
          + "; the node does not follow the protocol");
    }
  }

  /** Stray responses seen so far. */
  int count() {
    return count.get();
  }

  /** For tests: how many stray responses close the connection (default {@value #DEFAULT_MAX}). */
  void max(int max) {
    if (max < 1) {
      throw new IllegalArgumentException("max stray responses must be at least 1, got " + max);
    }
    this.max = max;
  }

  /** What a stray frame is, for the error: the server's message if it is an ERROR, else its opcode. */
  private static String describe(ResponseFrame frame) {
    if (frame.opcode() == Opcodes.ERROR) {
      try {
        if (frame.decode().message() instanceof ErrorResponse e) {
          return "ERROR 0x" + Integer.toHexString(e.code()) + ": " + e.message();
        }
      } catch (RuntimeException undecodable) {
        // fall through: the opcode is all we can say
      }
    }
    return "opcode 0x" + Integer.toHexString(frame.opcode());
  }
}
