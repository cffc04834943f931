package io.loomcql.error;

import io.loomcql.ConsistencyLevel;
import java.net.InetSocketAddress;

/** Error code 0x1500: a replica failed (not timed out) while applying a write. */
public class WriteFailureException extends CoordinatorException {
  private static final long serialVersionUID = 1L;

  private final ConsistencyLevel consistency;
  private final int received;
  private final int blockFor;
  private final int failures;
  private final WriteType writeType;

  public WriteFailureException(
      InetSocketAddress coordinator,
      String serverMessage,
      ConsistencyLevel consistency,
      int received,
      int blockFor,
      int failures,
      WriteType writeType) {
    super(coordinator, serverMessage);
    this.consistency = consistency;
    this.received = received;
    this.blockFor = blockFor;
    this.failures = failures;
    this.writeType = writeType;
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

  public WriteType writeType() {
    return writeType;
  }
}
