package io.loomcql.internal.protocol.segment;

import io.loomcql.error.ProtocolError;

/**
 * A v5 segment whose header or payload does not match its CRC: the bytes were damaged between
 * the node and us (a faulty NIC, proxy or memory), the node did not send anything wrong. The
 * connection cannot be trusted any more and must close, but the requests in flight on it were
 * never answered, so they can be retried on another connection as after any connection failure.
 * That is why this is a distinct subtype: a plain {@link ProtocolError} means the peer broke the
 * protocol, and retrying would not help.
 */
public final class CorruptSegmentException extends ProtocolError {
  private static final long serialVersionUID = 1L;

  private final boolean header;

  CorruptSegmentException(boolean header, int expected, int actual) {
    super(String.format(
        "corrupt v5 segment: %s CRC is %06x on the wire but %06x computed",
        header ? "header" : "payload", expected, actual));
    this.header = header;
  }

  /** Whether the header failed its CRC24 (else the payload failed its CRC32). */
  public boolean inHeader() {
    return header;
  }
}
