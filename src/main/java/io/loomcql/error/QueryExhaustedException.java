package io.loomcql.error;

import io.loomcql.metadata.Host;

/** {@code fetchNextPage()} was called on the last page (the reference driver's QueryExhausted). */
public class QueryExhaustedException extends DriverException {
  private static final long serialVersionUID = 1L;

  private final transient Host lastHost;

  public QueryExhaustedException(String message, Host lastHost) {
    super(message);
    this.lastHost = lastHost;
  }

  /** The node that served the last page. */
  public Host lastHost() {
    return lastHost;
  }
}
