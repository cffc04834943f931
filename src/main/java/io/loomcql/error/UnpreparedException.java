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

  public UnpreparedException(InetSocketAddress coordinator, String serverMessage, ByteBuffer id) {
    super(coordinator, serverMessage);
    this.id = id.asReadOnlyBuffer();
  }

  /** The unknown statement id (read-only). */
  public ByteBuffer id() {
    return id.duplicate();
  }
}
