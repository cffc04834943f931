package io.loomcql.error;

import java.util.UUID;

/** A request's trace could not be read: not written completely in time, or no way to read it. */
public class TraceUnavailableException extends DriverException {
  private static final long serialVersionUID = 1L;

  private final UUID sessionId;

  public TraceUnavailableException(UUID sessionId, String reason) {
    super("trace " + sessionId + " is not available: " + reason);
    this.sessionId = sessionId;
  }

  /** The trace's session id. */
  public UUID sessionId() {
    return sessionId;
  }
}
