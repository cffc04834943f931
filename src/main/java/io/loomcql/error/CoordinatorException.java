package io.loomcql.error;

import java.net.InetSocketAddress;

/**
 * An ERROR response from a Cassandra node. Carries the node that answered (the coordinator) and
 * the server's own message; subclasses add the body fields of their error code.
 */
public abstract class CoordinatorException extends DriverException {
  private static final long serialVersionUID = 1L;

  private final transient InetSocketAddress coordinator;
  private final String serverMessage;

  /**
   * Creates the exception; the message is the server's, followed by the coordinator.
   *
   * @param coordinator the node that sent the error, or {@code null} if not known
   * @param serverMessage the error message, as the server wrote it
   */
  protected CoordinatorException(InetSocketAddress coordinator, String serverMessage) {
    super(describe(coordinator, serverMessage));
    this.coordinator = coordinator;
    this.serverMessage = serverMessage;
  }

  /**
   * The node that sent the error.
   *
   * @return its address, or {@code null} when it is not known (for example in a unit test, for a
   *     {@link ProtocolError} found while decoding, or after the exception was deserialized)
   */
  public InetSocketAddress coordinator() {
    return coordinator;
  }

  /**
   * The message exactly as the server wrote it, without the coordinator that {@link #getMessage()}
   * adds.
   *
   * @return the server's message
   */
  public String serverMessage() {
    return serverMessage;
  }

  private static String describe(InetSocketAddress coordinator, String serverMessage) {
    return coordinator == null ? serverMessage : serverMessage + " (from " + coordinator + ")";
  }
}
