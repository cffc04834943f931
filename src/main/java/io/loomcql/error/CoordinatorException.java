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

  protected CoordinatorException(InetSocketAddress coordinator, String serverMessage) {
    super(describe(coordinator, serverMessage));
    this.coordinator = coordinator;
    this.serverMessage = serverMessage;
  }

  /** The node that sent the error, or null when it is not known (for example in a unit test). */
  public InetSocketAddress coordinator() {
    return coordinator;
  }

  /** The message exactly as the server wrote it. */
  public String serverMessage() {
    return serverMessage;
  }

  private static String describe(InetSocketAddress coordinator, String serverMessage) {
    return coordinator == null ? serverMessage : serverMessage + " (from " + coordinator + ")";
  }
}
