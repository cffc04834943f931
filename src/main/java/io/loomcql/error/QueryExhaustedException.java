package io.loomcql.error;

import io.loomcql.metadata.Host;

/** {@code fetchNextPage()} was called on the last page (the reference driver's QueryExhausted). */
public class QueryExhaustedException extends DriverException {
  private static final long serialVersionUID = 1L;

  private final transient Host lastHost;

  /**
   * Creates the exception.
   *
   * @param message what was asked
   * @param lastHost the node that served the last page
   */
  public QueryExhaustedException(String message, Host lastHost) {
    super(message);
    this.lastHost = lastHost;
  }

  /**
   * The node that served the last page.
   *
   * @return the node; {@code null} after the exception was deserialized
   */
  public Host lastHost() {
    return lastHost;
  }
}
