package io.loomcql.error;

import io.loomcql.ConsistencyLevel;
import java.net.InetSocketAddress;

/** Error code 0x1100: replicas did not acknowledge a write in time (server side timeout). */
public class WriteTimeoutException extends CoordinatorException {
  private static final long serialVersionUID = 1L;

  private final ConsistencyLevel consistency;
  private final int received;
  private final int blockFor;
  private final WriteType writeType;

  public WriteTimeoutException(
      InetSocketAddress coordinator,
      String serverMessage,
      ConsistencyLevel consistency,
      int received,
      int blockFor,
      WriteType writeType) {
    super(coordinator, serverMessage);
    this.consistency = consistency;
    this.received = received;
    this.blockFor = blockFor;
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

  public WriteType writeType() {
    return writeType;
  }
}
