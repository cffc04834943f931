package io.loomcql.error;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * Error code 0x2500: the node does not know a prepared statement id. The driver re-prepares and
 * retries on its own; users see this only if that fails too.
 */
public class UnpreparedException extends CoordinatorException {
  private static final long serialVersionUID = 1L;

  private final transient ByteBuffer id;

  /**
   * Creates the exception for an UNPREPARED error.
   *
   * @param coordinator the node that sent the error, or {@code null} if not known
   * @param serverMessage the error message, as the server wrote it
   * @param id the statement id the node did not know; kept as a read-only view
   */
  public UnpreparedException(InetSocketAddress coordinator, String serverMessage, ByteBuffer id) {
    super(coordinator, serverMessage);
    this.id = id.asReadOnlyBuffer();
  }

  /**
   * The statement id the node did not know.
   *
   * @return a read-only buffer over the id, with its own position; {@code null} after the exception
   *     was deserialized
   */
  public ByteBuffer id() {
    return id.duplicate();
  }
}
