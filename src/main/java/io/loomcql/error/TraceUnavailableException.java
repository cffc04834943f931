package io.loomcql.error;

import java.util.UUID;

/** A request's trace could not be read: not written completely in time, or no way to read it. */
public class TraceUnavailableException extends DriverException {
  private static final long serialVersionUID = 1L;

  private final UUID sessionId;

  /**
   * Creates the exception.
   *
   * @param sessionId the trace's session id
   * @param reason why the trace could not be read
   */
  public TraceUnavailableException(UUID sessionId, String reason) {
    super("trace " + sessionId + " is not available: " + reason);
    this.sessionId = sessionId;
  }

  /**
   * The trace's session id, with which {@code system_traces} can be read later by hand.
   *
   * @return the id
   */
  public UUID sessionId() {
    return sessionId;
  }
}
