package io.loomcql.internal.protocol;

import io.loomcql.ConsistencyLevel;
import io.loomcql.ProtocolVersion;
import io.loomcql.error.ProtocolError;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code <query_parameters>} of a QUERY as one value (v4 section 4.1.4, v5 adds keyspace and
 * now_in_seconds), and the code that writes and reads them for QUERY and EXECUTE alike (an {@link
 * Execute} keeps them in two parts). Values are either positional or named, never both. The flags
 * are derived from which fields are set, so a value can never disagree with its flags.
 *
 * @param values positional values, handed over (not copied); an element may be null (CQL null) or
 *     {@link Primitives#UNSET}
 * @param namedValues named values, or null when values are positional
 * @param pageSize rows per page, or a value &lt;= 0 to let the server choose
 * @param pagingState where to resume, or null
 * @param serialConsistency for conditional updates, or null for the server's default
 * @param defaultTimestamp client timestamp in microseconds, or {@link #NO_TIMESTAMP}
 * @param keyspace per-query keyspace (v5 only), or null
 * @param nowInSeconds server "now" override (v5 only), or {@link #NO_NOW}
 */
public record QueryOptions(
    ConsistencyLevel consistency,
    List<ByteBuffer> values,
    Map<String, ByteBuffer> namedValues,
    boolean skipMetadata,
    int pageSize,
    ByteBuffer pagingState,
    ConsistencyLevel serialConsistency,
    long defaultTimestamp,
    String keyspace,
    int nowInSeconds) implements QueryParameters {

  public static final long NO_TIMESTAMP = Long.MIN_VALUE;
  public static final int NO_NOW = Integer.MIN_VALUE;

  private static final int VALUES = 0x01;
  private static final int SKIP_METADATA = 0x02;
  private static final int PAGE_SIZE = 0x04;
  private static final int PAGING_STATE = 0x08;
  private static final int SERIAL_CONSISTENCY = 0x10;
  private static final int DEFAULT_TIMESTAMP = 0x20;
  private static final int NAMES_FOR_VALUES = 0x40;
  private static final int KEYSPACE = 0x80;
  private static final int NOW_IN_SECONDS = 0x100;

  public QueryOptions {
    values = positional(values, namedValues);
  }

  /**
   * The positional values as a QUERY or an EXECUTE keeps them: not copied (callers build the list
   * for this request and hand it over; it may hold nulls), empty for none; never with named ones.
   */
  static List<ByteBuffer> positional(List<ByteBuffer> values, Map<String, ByteBuffer> namedValues) {
    List<ByteBuffer> positional = values == null ? List.of() : values;
    if (namedValues != null && !positional.isEmpty()) {
      throw new IllegalArgumentException("values are either positional or named, not both");
    }
    return positional;
  }

  /** Positional values at the given consistency, everything else default. */
  public static QueryOptions of(ConsistencyLevel consistency, List<ByteBuffer> values) {
    return new QueryOptions(consistency, values, null, false, -1, null, null, NO_TIMESTAMP, null, NO_NOW);
  }

  private static int flags(QueryParameters p) {
    List<ByteBuffer> values = p.values();
    Map<String, ByteBuffer> namedValues = p.namedValues();
    int flags = 0;
    if (!values.isEmpty() || namedValues != null) {
      flags |= VALUES;
    }
    if (namedValues != null) {
      flags |= NAMES_FOR_VALUES;
    }
    if (p.skipMetadata()) {
      flags |= SKIP_METADATA;
    }
    if (p.pageSize() > 0) {
      flags |= PAGE_SIZE;
    }
    if (p.pagingState() != null) {
      flags |= PAGING_STATE;
    }
    if (p.serialConsistency() != null) {
      flags |= SERIAL_CONSISTENCY;
    }
    if (p.defaultTimestamp() != NO_TIMESTAMP) {
      flags |= DEFAULT_TIMESTAMP;
    }
    if (p.keyspace() != null) {
      flags |= KEYSPACE;
    }
    if (p.nowInSeconds() != NO_NOW) {
      flags |= NOW_IN_SECONDS;
    }
    return flags;
  }

  int encodedSize(ProtocolVersion version) {
    return encodedSize(this, version);
  }

  void encode(ByteBuffer out, ProtocolVersion version) {
    encode(this, out, version);
  }

  /** The bytes {@link #encode(QueryParameters, ByteBuffer, ProtocolVersion)} writes. */
  static int encodedSize(QueryParameters p, ProtocolVersion version) {
    List<ByteBuffer> values = p.values();
    Map<String, ByteBuffer> namedValues = p.namedValues();
    int size = 2 + (version.code() >= 5 ? 4 : 1);
    if (namedValues != null) {
      size += 2;
      for (Map.Entry<String, ByteBuffer> entry : namedValues.entrySet()) {
        size += Primitives.sizeOfString(entry.getKey()) + Primitives.sizeOfBytes(entry.getValue());
      }
    } else if (values instanceof ValueList wire && !wire.isEmpty()) {
      size += 2 + wire.encodedSize();
    } else if (!values.isEmpty()) {
      size += 2;
      for (int i = 0; i < values.size(); i++) { // indexed: the list is often a wrapper whose iterator escapes
        size += Primitives.sizeOfBytes(values.get(i));
      }
    }
    if (p.pageSize() > 0) {
      size += 4;
    }
    if (p.pagingState() != null) {
      size += Primitives.sizeOfBytes(p.pagingState());
    }
    if (p.serialConsistency() != null) {
      size += 2;
    }
    if (p.defaultTimestamp() != NO_TIMESTAMP) {
      size += 8;
    }
    if (p.keyspace() != null) {
      size += Primitives.sizeOfString(p.keyspace());
    }
    if (p.nowInSeconds() != NO_NOW) {
      size += 4;
    }
    return size;
  }

  /** Writes the parameters of a QUERY or an EXECUTE. */
  static void encode(QueryParameters p, ByteBuffer out, ProtocolVersion version) {
    checkVersion(p, version);
    List<ByteBuffer> values = p.values();
    Map<String, ByteBuffer> namedValues = p.namedValues();
    out.putShort((short) p.consistency().code());
    int flags = flags(p);
    if (version.code() >= 5) {
      out.putInt(flags);
    } else {
      out.put((byte) flags);
    }
    if (namedValues != null) {
      out.putShort((short) namedValues.size());
      for (Map.Entry<String, ByteBuffer> entry : namedValues.entrySet()) {
        Primitives.writeString(entry.getKey(), out);
        Primitives.writeBytes(entry.getValue(), out);
      }
    } else if (values instanceof ValueList wire && !wire.isEmpty()) {
      out.putShort((short) wire.size());
      wire.writeTo(out); // a bound statement's values, in wire form already
    } else if (!values.isEmpty()) {
      out.putShort((short) values.size());
      for (int i = 0; i < values.size(); i++) {
        Primitives.writeBytes(values.get(i), out);
      }
    }
    if (p.pageSize() > 0) {
      out.putInt(p.pageSize());
    }
    if (p.pagingState() != null) {
      Primitives.writeBytes(p.pagingState(), out);
    }
    if (p.serialConsistency() != null) {
      out.putShort((short) p.serialConsistency().code());
    }
    if (p.defaultTimestamp() != NO_TIMESTAMP) {
      out.putLong(p.defaultTimestamp());
    }
    if (p.keyspace() != null) {
      Primitives.writeString(p.keyspace(), out);
    }
    if (p.nowInSeconds() != NO_NOW) {
      out.putInt(p.nowInSeconds());
    }
  }

  private static void checkVersion(QueryParameters p, ProtocolVersion version) {
    if (version.code() < 5 && (p.keyspace() != null || p.nowInSeconds() != NO_NOW)) {
      throw new IllegalArgumentException("a per-query keyspace and now_in_seconds need protocol v5, not " + version);
    }
    if (version.code() < 4) {
      for (ByteBuffer value : p.values()) {
        if (value == Primitives.UNSET) { // identity: an empty value is not unset
          throw new IllegalArgumentException("unset values need protocol v4 or later, not " + version);
        }
      }
    }
  }

  static QueryOptions decode(ByteBuffer in, ProtocolVersion version) {
    ConsistencyLevel consistency = consistency(Primitives.readUnsignedShort(in));
    int flags = version.code() >= 5 ? Primitives.readInt(in) : Primitives.readByte(in) & 0xFF;
    List<ByteBuffer> values = List.of();
    Map<String, ByteBuffer> named = null;
    if ((flags & VALUES) != 0) {
      int count = Primitives.readUnsignedShort(in);
      Primitives.need(in, 4L * count, count, " values");
      if ((flags & NAMES_FOR_VALUES) != 0) {
        named = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
          named.put(Primitives.readString(in), Primitives.readValue(in));
        }
      } else {
        List<ByteBuffer> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
          list.add(Primitives.readValue(in));
        }
        values = list;
      }
    }
    int pageSize = (flags & PAGE_SIZE) != 0 ? Primitives.readInt(in) : -1;
    ByteBuffer pagingState = (flags & PAGING_STATE) != 0 ? Primitives.readBytes(in) : null;
    ConsistencyLevel serial =
        (flags & SERIAL_CONSISTENCY) != 0 ? consistency(Primitives.readUnsignedShort(in)) : null;
    long timestamp = (flags & DEFAULT_TIMESTAMP) != 0 ? Primitives.readLong(in) : NO_TIMESTAMP;
    String keyspace = (flags & KEYSPACE) != 0 && version.code() >= 5 ? Primitives.readString(in) : null;
    int now = (flags & NOW_IN_SECONDS) != 0 && version.code() >= 5 ? Primitives.readInt(in) : NO_NOW;
    return new QueryOptions(
        consistency,
        values,
        named == null ? null : Collections.unmodifiableMap(named),
        (flags & SKIP_METADATA) != 0,
        pageSize,
        pagingState,
        serial,
        timestamp,
        keyspace,
        now);
  }

  static ConsistencyLevel consistency(int code) {
    ConsistencyLevel level = ConsistencyLevel.fromCode(code);
    if (level == null) {
      throw new ProtocolError("unknown [consistency] code 0x" + Integer.toHexString(code));
    }
    return level;
  }
}
