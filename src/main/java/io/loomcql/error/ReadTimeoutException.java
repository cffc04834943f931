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

  /**
   * Creates the exception for a READ_TIMEOUT error.
   *
   * @param coordinator the node that sent the error, or {@code null} if not known
   * @param serverMessage the error message, as the server wrote it
   * @param consistency the consistency level of the read
   * @param received how many replicas answered
   * @param blockFor how many replicas had to answer
   * @param dataPresent whether the replica asked for the data answered
   */
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
   * How many replicas answered before the coordinator gave up.
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
   * Whether the replica asked for the data (not just a digest) answered. When enough replicas
   * answered but this is {@code false}, only the data was missing: a retry usually succeeds.
   *
   * @return {@code true} if it did
   */
  public boolean dataPresent() {
    return dataPresent;
  }
}
