package io.loomcql.error;

/**
 * Root of every exception the driver throws. Unchecked, as in the reference drivers: callers catch
 * the subtypes they can act on and let the rest propagate.
 */
public class DriverException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DriverException(String message) {
    super(message);
  }

  public DriverException(String message, Throwable cause) {
    super(message, cause);
  }
}
