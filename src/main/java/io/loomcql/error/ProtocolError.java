package io.loomcql.error;

import java.net.InetSocketAddress;

/**
 * A violation of the native protocol: either the server's error code 0x000A (it found fault with
 * what we sent) or bytes from the server that this driver cannot decode. Decoders throw only this
 * type on malformed input, so a corrupt reply never surfaces as an IndexOutOfBoundsException.
 */
public class ProtocolError extends CoordinatorException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception for a PROTOCOL_ERROR sent by a node.
   *
   * @param coordinator the node that sent the error, or {@code null} if not known
   * @param message the error message, as the server wrote it
   */
  public ProtocolError(InetSocketAddress coordinator, String message) {
    super(coordinator, message);
  }

  /**
   * A decoding failure found on this side, before any host is attached: {@link #coordinator()} is
   * {@code null}.
   *
   * @param message what could not be decoded
   */
  public ProtocolError(String message) {
    super(null, message);
  }
}
