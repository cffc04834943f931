package io.loomcql.internal.protocol;

import io.loomcql.ProtocolVersion;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One protocol v3/v4 frame: header fields plus the message it carries.
 *
 * @param tracing on a request, asks the server to trace it; on a response, {@code tracingId} is set
 * @param tracingId the trace's session id (responses only), else null
 * @param warnings server warnings (responses only), empty if none
 * @param customPayload the custom payload, empty if none
 */
public record Frame(
    ProtocolVersion version,
    int streamId,
    boolean tracing,
    UUID tracingId,
    List<String> warnings,
    Map<String, ByteBuffer> customPayload,
    Message message) {

  public Frame {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(message, "message");
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
    // A [bytes map] may carry null values, which Map.copyOf would reject.
    customPayload =
        customPayload == null || customPayload.isEmpty()
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(customPayload));
    if (streamId < -32768 || streamId > 32767) {
      throw new IllegalArgumentException("stream id out of range: " + streamId);
    }
  }

  /** A frame with no tracing, warnings or payload. */
  public static Frame of(ProtocolVersion version, int streamId, Message message) {
    return new Frame(version, streamId, false, null, List.of(), Map.of(), message);
  }

  public boolean isResponse() {
    return message instanceof Response;
  }
}
