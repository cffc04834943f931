package io.loomcql.error;

import io.loomcql.ConsistencyLevel;
import java.net.InetSocketAddress;

/** Error code 0x1000: the coordinator knew too few live replicas to try the request. */
public class UnavailableException extends CoordinatorException {
  private static final long serialVersionUID = 1L;

  private final ConsistencyLevel consistency;
  private final int required;
  private final int alive;

  /**
   * Creates the exception for an UNAVAILABLE error.
   *
   * @param coordinator the node that sent the error, or {@code null} if not known
   * @param serverMessage the error message, as the server wrote it
   * @param consistency the consistency level of the request
   * @param required how many replicas had to be alive
   * @param alive how many the coordinator knew to be alive
   */
  public UnavailableException(
      InetSocketAddress coordinator, String serverMessage, ConsistencyLevel consistency, int required, int alive) {
    super(coordinator, serverMessage);
    this.consistency = consistency;
    this.required = required;
    this.alive = alive;
  }

  /**
   * The consistency level that could not be reached.
   *
   * @return the level
   */
  public ConsistencyLevel consistency() {
    return consistency;
  }

  /**
   * Replicas that had to be alive for the consistency level.
   *
   * @return the count
   */
  public int required() {
    return required;
  }

  /**
   * Replicas the coordinator knew to be alive. The request was not tried at all: no replica saw it.
   *
   * @return the count, lower than {@link #required()}
   */
  public int alive() {
    return alive;
  }
}
