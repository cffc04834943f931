package io.loomcql.internal.protocol;

import io.loomcql.ProtocolVersion;
import java.nio.ByteBuffer;

/**
 * Writes and reads one message type. The same codec serves the client and the test servers, so a
 * fake node speaks exactly what the driver parses. {@code encode} writes exactly
 * {@code encodedSize} bytes; {@code decode} consumes the body and throws only
 * {@link io.loomcql.error.ProtocolError} on malformed input.
 */
public interface MessageCodec<M extends Message> {
  int opcode();

  int encodedSize(M message, ProtocolVersion version);

  void encode(M message, ByteBuffer out, ProtocolVersion version);

  M decode(ByteBuffer body, ProtocolVersion version);
}
