package io.loomcql.error;

import io.loomcql.ConsistencyLevel;
import java.net.InetSocketAddress;

/** Error code 0x1000: the coordinator knew too few live replicas to try the request. */
public class UnavailableException extends CoordinatorException {
  private static final long serialVersionUID = 1L;

  private final ConsistencyLevel consistency;
  private final int required;
  private final int alive;

  public UnavailableException(
      InetSocketAddress coordinator, String serverMessage, ConsistencyLevel consistency, int required, int alive) {
    super(coordinator, serverMessage);
    this.consistency = consistency;
    this.required = required;
    this.alive = alive;
  }

  public ConsistencyLevel consistency() {
    return consistency;
  }

  /** Replicas that had to be alive for the consistency level. */
  public int required() {
    return required;
  }

  /** Replicas the coordinator knew to be alive. */
  public int alive() {
    return alive;
  }
}
