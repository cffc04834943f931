package io.loomcql.internal.protocol;

import io.loomcql.ProtocolVersion;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * RESULT Prepared: the statement id, on v5 the result metadata id, the bind markers and the
 * result columns (possibly without metadata).
 */
public record PreparedResult(
    ByteBuffer id, ByteBuffer resultMetadataId, PreparedMetadata variables, RowsMetadata resultMetadata)
    implements Result {

  public PreparedResult {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(variables, "variables");
    Objects.requireNonNull(resultMetadata, "resultMetadata");
  }

  int bodySize(ProtocolVersion version) {
    int size = Primitives.sizeOfShortBytes(id);
    if (version.code() >= 5) {
      size += Primitives.sizeOfShortBytes(metadataId());
    }
    return size + variables.encodedSize(version) + resultMetadata.encodedSize(version);
  }

  void encodeBody(ByteBuffer out, ProtocolVersion version) {
    Primitives.writeShortBytes(id, out);
    if (version.code() >= 5) {
      Primitives.writeShortBytes(metadataId(), out);
    }
    variables.encode(out, version);
    resultMetadata.encode(out, version);
  }

  static PreparedResult decodeBody(ByteBuffer in, ProtocolVersion version) {
    ByteBuffer id = Primitives.readShortBytes(in);
    ByteBuffer metadataId = version.code() >= 5 ? Primitives.readShortBytes(in) : null;
    PreparedMetadata variables = PreparedMetadata.decode(in, version);
    return new PreparedResult(id, metadataId, variables, RowsMetadata.decode(in, version));
  }

  private ByteBuffer metadataId() {
    return resultMetadataId == null ? ByteBuffer.allocate(0) : resultMetadataId;
  }
}
