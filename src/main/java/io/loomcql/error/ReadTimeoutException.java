package io.loomcql.error;

import io.loomcql.ConsistencyLevel;
import java.net.InetSocketAddress;

/** Error code 0x1200: replicas did not answer a read in time (server side timeout). */
public class ReadTimeoutException extends CoordinatorException {
  private static final long serialVersionUID = 1L;

  private final ConsistencyLevel consistency;
  private final int received;
  private final int blockFor;
  private final boolean dataPresent;

  public ReadTimeoutException(
      InetSocketAddress coordinator,
      String serverMessage,
      ConsistencyLevel consistency,
      int received,
      int blockFor,
      boolean dataPresent) {
    super(coordinator, serverMessage);
    this.consistency = consistency;
    this.received = received;
    this.blockFor = blockFor;
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

  /** Whether the replica asked for the data (not just a digest) answered. */
  public boolean dataPresent() {
    return dataPresent;
  }
}
