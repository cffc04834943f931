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

  /**
   * Creates the exception for a READ_FAILURE error.
   *
   * @param coordinator the node that sent the error, or {@code null} if not known
   * @param serverMessage the error message, as the server wrote it
   * @param consistency the consistency level of the read
   * @param received how many replicas answered
   * @param blockFor how many replicas had to answer
   * @param failures how many replicas failed
   * @param dataPresent whether the replica asked for the data answered
   */
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
   * How many replicas answered with a failure.
   *
   * @return the count
   */
  public int failures() {
    return failures;
  }

  /**
   * Whether the replica asked for the data (not just a digest) answered.
   *
   * @return {@code true} if it did
   */
  public boolean dataPresent() {
    return dataPresent;
  }
}
