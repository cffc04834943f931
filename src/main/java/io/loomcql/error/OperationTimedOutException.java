package io.loomcql.error;

/**
 * The client gave up waiting for a response (the reference driver's {@code Timeout}). The request
 * may still run on the server; its stream id stays reserved until the late answer arrives.
 */
public class OperationTimedOutException extends DriverException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what timed out, and after how long when known
   */
  public OperationTimedOutException(String message) {
    super(message);
  }
}
