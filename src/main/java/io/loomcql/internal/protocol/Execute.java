package io.loomcql.internal.protocol;

import io.loomcql.ConsistencyLevel;
import io.loomcql.ProtocolVersion;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * EXECUTE: runs a prepared statement by id, with its query parameters. What every request of a
 * prepared statement with the same options shares (the ids, consistency, page size...) is one
 * {@link Fixed}, which the driver keeps on the prepared statement; the request itself holds only
 * what changes per request: 40 bytes, against 80 for an id triple and a whole {@link
 * QueryOptions}.
 *
 * @param values positional values, handed over (not copied); empty when there are none or they
 *     are named
 * @param namedValues named values, or null when values are positional
 * @param pagingState where to resume, or null
 * @param defaultTimestamp in microseconds, or {@link QueryOptions#NO_TIMESTAMP}
 */
public record Execute(
    Fixed fixed, List<ByteBuffer> values, Map<String, ByteBuffer> namedValues, ByteBuffer pagingState,
    long defaultTimestamp) implements Request, QueryParameters {

  /**
   * The parts of an EXECUTE that do not change from one request to the next.
   *
   * @param id the prepared statement's id
   * @param resultMetadataId the id of the result metadata the client holds (sent on v5 only), or null
   * @param pageSize rows per page, or a value &lt;= 0 to let the server choose
   * @param serialConsistency for conditional updates, or null for the server's default
   * @param keyspace per-query keyspace (v5 only), or null
   * @param nowInSeconds server "now" override (v5 only), or {@link QueryOptions#NO_NOW}
   */
  public record Fixed(
      ByteBuffer id, ByteBuffer resultMetadataId, ConsistencyLevel consistency, boolean skipMetadata, int pageSize,
      ConsistencyLevel serialConsistency, String keyspace, int nowInSeconds) {
    public Fixed {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(consistency, "consistency");
    }
  }

  public Execute {
    Objects.requireNonNull(fixed, "fixed");
    values = QueryOptions.positional(values, namedValues);
  }

  /** An EXECUTE of {@code id} with these options (tests, and the decoder). */
  public Execute(ByteBuffer id, ByteBuffer resultMetadataId, QueryOptions options) {
    this(new Fixed(id, resultMetadataId, options.consistency(), options.skipMetadata(), options.pageSize(),
            options.serialConsistency(), options.keyspace(), options.nowInSeconds()),
        options.values(), options.namedValues(), options.pagingState(), options.defaultTimestamp());
  }

  public ByteBuffer id() {
    return fixed.id();
  }

  public ByteBuffer resultMetadataId() {
    return fixed.resultMetadataId();
  }

  /** {@return the query parameters as one value (a new object: for tests and test servers)} */
  public QueryOptions options() {
    return new QueryOptions(consistency(), values, namedValues, skipMetadata(), pageSize(), pagingState,
        serialConsistency(), defaultTimestamp, keyspace(), nowInSeconds());
  }

  @Override
  public ConsistencyLevel consistency() {
    return fixed.consistency();
  }

  @Override
  public boolean skipMetadata() {
    return fixed.skipMetadata();
  }

  @Override
  public int pageSize() {
    return fixed.pageSize();
  }

  @Override
  public ConsistencyLevel serialConsistency() {
    return fixed.serialConsistency();
  }

  @Override
  public String keyspace() {
    return fixed.keyspace();
  }

  @Override
  public int nowInSeconds() {
    return fixed.nowInSeconds();
  }

  @Override
  public int opcode() {
    return Opcodes.EXECUTE;
  }

  public static final MessageCodec<Execute> CODEC =
      new MessageCodec<>() {
        @Override
        public int opcode() {
          return Opcodes.EXECUTE;
        }

        @Override
        public int encodedSize(Execute message, ProtocolVersion version) {
          int size = Primitives.sizeOfShortBytes(message.id());
          if (version.code() >= 5) {
            size += Primitives.sizeOfShortBytes(metadataId(message));
          }
          return size + QueryOptions.encodedSize(message, version);
        }

        @Override
        public void encode(Execute message, ByteBuffer out, ProtocolVersion version) {
          Primitives.writeShortBytes(message.id(), out);
          if (version.code() >= 5) {
            Primitives.writeShortBytes(metadataId(message), out);
          }
          QueryOptions.encode(message, out, version);
        }

        @Override
        public Execute decode(ByteBuffer body, ProtocolVersion version) {
          ByteBuffer id = Primitives.readShortBytes(body);
          ByteBuffer metadataId = version.code() >= 5 ? Primitives.readShortBytes(body) : null;
          return new Execute(id, metadataId, QueryOptions.decode(body, version));
        }
      };

  private static ByteBuffer metadataId(Execute message) {
    return message.resultMetadataId() == null ? EMPTY : message.resultMetadataId();
  }

  private static final ByteBuffer EMPTY = ByteBuffer.allocate(0).asReadOnlyBuffer();
}
