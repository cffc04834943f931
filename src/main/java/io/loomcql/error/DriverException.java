package io.loomcql.error;

/**
 * Root of every exception the driver throws. Unchecked, as in the reference drivers: callers catch
 * the subtypes they can act on and let the rest propagate.
 */
public class DriverException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception without a cause.
   *
   * @param message what went wrong
   */
  public DriverException(String message) {
    super(message);
  }

  /**
   * Creates the exception.
   *
   * @param message what went wrong
   * @param cause the failure behind it, or {@code null}
   */
  public DriverException(String message, Throwable cause) {
    super(message, cause);
  }
}
