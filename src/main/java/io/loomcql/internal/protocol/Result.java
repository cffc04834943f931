package io.loomcql.internal.protocol;

import io.loomcql.ProtocolVersion;
import io.loomcql.error.ProtocolError;
import java.nio.ByteBuffer;

/** RESULT: one of several kinds, told apart by the [int] that starts the body. */
public sealed interface Result extends Response permits VoidResult, RowsResult, SetKeyspaceResult, PreparedResult, SchemaChangeResult {
  int KIND_VOID = 0x0001;
  int KIND_ROWS = 0x0002;
  int KIND_SET_KEYSPACE = 0x0003;
  int KIND_PREPARED = 0x0004;
  int KIND_SCHEMA_CHANGE = 0x0005;

  @Override
  default int opcode() {
    return Opcodes.RESULT;
  }

  MessageCodec<Result> CODEC =
      new MessageCodec<>() {
        @Override
        public int opcode() {
          return Opcodes.RESULT;
        }

        @Override
        public int encodedSize(Result result, ProtocolVersion version) {
          return 4
              + switch (result) {
                case VoidResult v -> 0;
                case RowsResult rows -> rows.bodySize(version);
                case SetKeyspaceResult s -> Primitives.sizeOfString(s.keyspace());
                case PreparedResult prepared -> prepared.bodySize(version);
                case SchemaChangeResult change -> change.bodySize();
              };
        }

        @Override
        public void encode(Result result, ByteBuffer out, ProtocolVersion version) {
          switch (result) {
            case VoidResult v -> out.putInt(KIND_VOID);
            case RowsResult rows -> {
              out.putInt(KIND_ROWS);
              rows.encodeBody(out, version);
            }
            case SetKeyspaceResult s -> {
              out.putInt(KIND_SET_KEYSPACE);
              Primitives.writeString(s.keyspace(), out);
            }
            case PreparedResult prepared -> {
              out.putInt(KIND_PREPARED);
              prepared.encodeBody(out, version);
            }
            case SchemaChangeResult change -> {
              out.putInt(KIND_SCHEMA_CHANGE);
              change.encodeBody(out);
            }
          }
        }

        @Override
        public Result decode(ByteBuffer in, ProtocolVersion version) {
          return Result.decode(in, version, null);
        }
      };

  /** Decodes a RESULT body; Rows reuse {@code known} columns when their bytes match (null: decode in full). */
  static Result decode(ByteBuffer in, ProtocolVersion version, ColumnSpecCache known) {
    int kind = Primitives.readInt(in);
    return switch (kind) {
      case KIND_VOID -> VoidResult.INSTANCE;
      case KIND_ROWS -> RowsResult.decodeBody(in, version, known);
      case KIND_SET_KEYSPACE -> new SetKeyspaceResult(Primitives.readString(in));
      case KIND_PREPARED -> PreparedResult.decodeBody(in, version);
      case KIND_SCHEMA_CHANGE -> SchemaChangeResult.decodeBody(in);
      default -> throw new ProtocolError("unsupported RESULT kind 0x" + Integer.toHexString(kind));
    };
  }
}
