package io.loomcql.internal.protocol;

import io.loomcql.ConsistencyLevel;
import io.loomcql.ProtocolVersion;
import io.loomcql.error.ProtocolError;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * BATCH: several DML statements, simple or prepared, applied as one.
 *
 * @param type 0 logged, 1 unlogged, 2 counter
 * @param keyspace v5 only, else null
 * @param nowInSeconds v5 only, else {@link QueryOptions#NO_NOW}
 */
public record Batch(
    int type,
    List<Child> children,
    ConsistencyLevel consistency,
    ConsistencyLevel serialConsistency,
    long defaultTimestamp,
    String keyspace,
    int nowInSeconds)
    implements Request {

  /** One statement of the batch: a query string or a prepared id (exactly one is set), and its values. */
  public record Child(String query, ByteBuffer preparedId, List<ByteBuffer> values) {
    public Child {
      if ((query == null) == (preparedId == null)) {
        throw new IllegalArgumentException("a batch child is either a query or a prepared id");
      }
      values = Collections.unmodifiableList(new ArrayList<>(values));
    }
  }

  private static final int SERIAL_CONSISTENCY = 0x10;
  private static final int DEFAULT_TIMESTAMP = 0x20;
  private static final int KEYSPACE = 0x80;
  private static final int NOW_IN_SECONDS = 0x100;

  public Batch {
    children = List.copyOf(children);
    Objects.requireNonNull(consistency, "consistency");
  }

  @Override
  public int opcode() {
    return Opcodes.BATCH;
  }

  private int flags() {
    int flags = 0;
    if (serialConsistency != null) {
      flags |= SERIAL_CONSISTENCY;
    }
    if (defaultTimestamp != QueryOptions.NO_TIMESTAMP) {
      flags |= DEFAULT_TIMESTAMP;
    }
    if (keyspace != null) {
      flags |= KEYSPACE;
    }
    if (nowInSeconds != QueryOptions.NO_NOW) {
      flags |= NOW_IN_SECONDS;
    }
    return flags;
  }

  public static final MessageCodec<Batch> CODEC =
      new MessageCodec<>() {
        @Override
        public int opcode() {
          return Opcodes.BATCH;
        }

        @Override
        public int encodedSize(Batch batch, ProtocolVersion version) {
          int size = 1 + 2;
          for (Child child : batch.children()) {
            size += 1;
            size += child.query() != null
                ? Primitives.sizeOfLongString(child.query())
                : Primitives.sizeOfShortBytes(child.preparedId());
            size += 2;
            for (ByteBuffer value : child.values()) {
              size += Primitives.sizeOfBytes(value);
            }
          }
          size += 2 + (version.code() >= 5 ? 4 : 1);
          if (batch.serialConsistency() != null) {
            size += 2;
          }
          if (batch.defaultTimestamp() != QueryOptions.NO_TIMESTAMP) {
            size += 8;
          }
          if (batch.keyspace() != null) {
            size += Primitives.sizeOfString(batch.keyspace());
          }
          if (batch.nowInSeconds() != QueryOptions.NO_NOW) {
            size += 4;
          }
          return size;
        }

        @Override
        public void encode(Batch batch, ByteBuffer out, ProtocolVersion version) {
          if (version.code() < 5 && (batch.keyspace() != null || batch.nowInSeconds() != QueryOptions.NO_NOW)) {
            throw new IllegalArgumentException("a batch keyspace or now_in_seconds needs protocol v5, not " + version);
          }
          out.put((byte) batch.type());
          out.putShort((short) batch.children().size());
          for (Child child : batch.children()) {
            if (child.query() != null) {
              out.put((byte) 0);
              Primitives.writeLongString(child.query(), out);
            } else {
              out.put((byte) 1);
              Primitives.writeShortBytes(child.preparedId(), out);
            }
            out.putShort((short) child.values().size());
            for (ByteBuffer value : child.values()) {
              Primitives.writeBytes(value, out);
            }
          }
          out.putShort((short) batch.consistency().code());
          if (version.code() >= 5) {
            out.putInt(batch.flags());
          } else {
            out.put((byte) batch.flags());
          }
          if (batch.serialConsistency() != null) {
            out.putShort((short) batch.serialConsistency().code());
          }
          if (batch.defaultTimestamp() != QueryOptions.NO_TIMESTAMP) {
            out.putLong(batch.defaultTimestamp());
          }
          if (batch.keyspace() != null) {
            Primitives.writeString(batch.keyspace(), out);
          }
          if (batch.nowInSeconds() != QueryOptions.NO_NOW) {
            out.putInt(batch.nowInSeconds());
          }
        }

        @Override
        public Batch decode(ByteBuffer in, ProtocolVersion version) {
          int type = Primitives.readByte(in) & 0xFF;
          int count = Primitives.readUnsignedShort(in);
          Primitives.need(in, 5L * count, "batch of " + count + " statements");
          List<Child> children = new ArrayList<>(count);
          for (int i = 0; i < count; i++) {
            int kind = Primitives.readByte(in);
            String query = null;
            ByteBuffer id = null;
            switch (kind) {
              case 0 -> query = Primitives.readLongString(in);
              case 1 -> id = Primitives.readShortBytes(in);
              default -> throw new ProtocolError("batch statement kind " + kind + "; expected 0 or 1");
            }
            int values = Primitives.readUnsignedShort(in);
            Primitives.need(in, 4L * values, values + " batch values");
            List<ByteBuffer> list = new ArrayList<>(values);
            for (int v = 0; v < values; v++) {
              list.add(Primitives.readValue(in));
            }
            children.add(new Child(query, id, list));
          }
          ConsistencyLevel consistency = QueryOptions.consistency(Primitives.readUnsignedShort(in));
          int flags = version.code() >= 5 ? Primitives.readInt(in) : Primitives.readByte(in) & 0xFF;
          ConsistencyLevel serial =
              (flags & SERIAL_CONSISTENCY) != 0 ? QueryOptions.consistency(Primitives.readUnsignedShort(in)) : null;
          long timestamp = (flags & DEFAULT_TIMESTAMP) != 0 ? Primitives.readLong(in) : QueryOptions.NO_TIMESTAMP;
          String keyspace = (flags & KEYSPACE) != 0 && version.code() >= 5 ? Primitives.readString(in) : null;
          int now = (flags & NOW_IN_SECONDS) != 0 && version.code() >= 5 ? Primitives.readInt(in) : QueryOptions.NO_NOW;
          return new Batch(type, children, consistency, serial, timestamp, keyspace, now);
        }
      };
}
