package io.loomcql.internal.connection;

import io.loomcql.internal.protocol.Frame;
import io.loomcql.internal.protocol.FrameCodec;
import io.loomcql.internal.protocol.FrameHeader;
import java.nio.ByteBuffer;

/**
 * A response as the reader hands it over: the checked header and a private copy of the body.
 * The waiting caller decodes it on its own thread, so the reader only frames.
 */
public record ResponseFrame(FrameHeader header, ByteBuffer body) {
  /** Decodes the message; throws {@link io.loomcql.error.ProtocolError} if the body is malformed. */
  public Frame decode() {
    return FrameCodec.decodeBody(header, body.duplicate());
  }
}
