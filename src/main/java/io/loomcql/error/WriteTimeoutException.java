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

  /**
   * Creates the exception for a WRITE_TIMEOUT error.
   *
   * @param coordinator the node that sent the error, or {@code null} if not known
   * @param serverMessage the error message, as the server wrote it
   * @param consistency the consistency level of the write
   * @param received how many replicas acknowledged
   * @param blockFor how many replicas had to acknowledge
   * @param writeType the kind of write
   */
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

  /**
   * The consistency level the coordinator was trying to reach. For a lightweight transaction
   * this may be the serial level of its Paxos phase.
   *
   * @return the level
   */
  public ConsistencyLevel consistency() {
    return consistency;
  }

  /**
   * How many replicas acknowledged the write before the coordinator gave up.
   *
   * @return the count
   */
  public int received() {
    return received;
  }

  /**
   * How many replicas had to answer for the consistency level.
   *
   * @return the count
   */
  public int blockFor() {
    return blockFor;
  }

  /**
   * The kind of write, which tells whether it is safe to retry (see {@link WriteType}).
   *
   * @return the kind; {@link WriteType#UNKNOWN} for a kind newer than this driver
   */
  public WriteType writeType() {
    return writeType;
  }
}
