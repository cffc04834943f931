package io.loomcql.error;

import io.loomcql.ConsistencyLevel;
import java.net.InetSocketAddress;

/** Error code 0x1300: a replica failed (not timed out) while serving a read. */
public class ReadFailureException extends CoordinatorException {
  private static final long serialVersionUID = 1L;

  private final ConsistencyLevel consistency;
  private final int received;
  private final int blockFor;
  private final int failures;
  private final boolean dataPresent;

  public ReadFailureException(
      InetSocketAddress coordinator,
      String serverMessage,
      ConsistencyLevel consistency,
      int received,
      int blockFor,
      int failures,
      boolean dataPresent) {
    super(coordinator, serverMessage);
    this.consistency = consistency;
    this.received = received;
    this.blockFor = blockFor;
    this.failures = failures;
    this.dataPresent = dataPresent;
  }

  public ConsistencyLevel consistency() {
    return consistency;
  }

  public int received() {
    return received;
  }

  public int blockFor() {
    return blockFor;
  }

  public int failures() {
    return failures;
  }

  public boolean dataPresent() {
    return dataPresent;
  }
}
