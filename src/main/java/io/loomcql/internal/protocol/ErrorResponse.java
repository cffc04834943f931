package io.loomcql.internal.protocol;

import io.loomcql.ConsistencyLevel;
import io.loomcql.ProtocolVersion;
import io.loomcql.error.ProtocolError;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** ERROR: a code, the server's message and the code's own fields. */
public record ErrorResponse(int code, String message, ErrorDetails details) implements Response {
  public ErrorResponse {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(details, "details");
  }

  @Override
  public int opcode() {
    return Opcodes.ERROR;
  }

  public static final MessageCodec<ErrorResponse> CODEC =
      new MessageCodec<>() {
        @Override
        public int opcode() {
          return Opcodes.ERROR;
        }

        @Override
        public int encodedSize(ErrorResponse error, ProtocolVersion version) {
          int size = 4 + Primitives.sizeOfString(error.message());
          return size
              + switch (error.details()) {
                case ErrorDetails.None none -> 0;
                case ErrorDetails.Unavailable u -> 2 + 4 + 4;
                case ErrorDetails.WriteTimeout w ->
                    2 + 4 + 4 + Primitives.sizeOfString(w.writeType()) + (w.contentions() >= 0 ? 2 : 0);
                case ErrorDetails.ReadTimeout r -> 2 + 4 + 4 + 1;
                case ErrorDetails.ReadFailure r -> 2 + 4 + 4 + failuresSize(r.reasons(), version) + 1;
                case ErrorDetails.WriteFailure w ->
                    2 + 4 + 4 + failuresSize(w.reasons(), version) + Primitives.sizeOfString(w.writeType());
                case ErrorDetails.CasWriteUnknown c -> 2 + 4 + 4;
                case ErrorDetails.FunctionFailure f ->
                    Primitives.sizeOfString(f.keyspace())
                        + Primitives.sizeOfString(f.function())
                        + Primitives.sizeOfStringList(f.argumentTypes());
                case ErrorDetails.AlreadyExists a ->
                    Primitives.sizeOfString(a.keyspace()) + Primitives.sizeOfString(a.table());
                case ErrorDetails.Unprepared u -> Primitives.sizeOfShortBytes(u.id());
              };
        }

        @Override
        public void encode(ErrorResponse error, ByteBuffer out, ProtocolVersion version) {
          out.putInt(error.code());
          Primitives.writeString(error.message(), out);
          switch (error.details()) {
            case ErrorDetails.None none -> {}
            case ErrorDetails.Unavailable u -> {
              out.putShort((short) u.consistency().code());
              out.putInt(u.required());
              out.putInt(u.alive());
            }
            case ErrorDetails.WriteTimeout w -> {
              out.putShort((short) w.consistency().code());
              out.putInt(w.received());
              out.putInt(w.blockFor());
              Primitives.writeString(w.writeType(), out);
              if (w.contentions() >= 0) {
                out.putShort((short) w.contentions());
              }
            }
            case ErrorDetails.ReadTimeout r -> {
              out.putShort((short) r.consistency().code());
              out.putInt(r.received());
              out.putInt(r.blockFor());
              out.put((byte) (r.dataPresent() ? 1 : 0));
            }
            case ErrorDetails.ReadFailure r -> {
              out.putShort((short) r.consistency().code());
              out.putInt(r.received());
              out.putInt(r.blockFor());
              writeFailures(r.failures(), r.reasons(), out, version);
              out.put((byte) (r.dataPresent() ? 1 : 0));
            }
            case ErrorDetails.WriteFailure w -> {
              out.putShort((short) w.consistency().code());
              out.putInt(w.received());
              out.putInt(w.blockFor());
              writeFailures(w.failures(), w.reasons(), out, version);
              Primitives.writeString(w.writeType(), out);
            }
            case ErrorDetails.CasWriteUnknown c -> {
              out.putShort((short) c.consistency().code());
              out.putInt(c.received());
              out.putInt(c.blockFor());
            }
            case ErrorDetails.FunctionFailure f -> {
              Primitives.writeString(f.keyspace(), out);
              Primitives.writeString(f.function(), out);
              Primitives.writeStringList(f.argumentTypes(), out);
            }
            case ErrorDetails.AlreadyExists a -> {
              Primitives.writeString(a.keyspace(), out);
              Primitives.writeString(a.table(), out);
            }
            case ErrorDetails.Unprepared u -> Primitives.writeShortBytes(u.id(), out);
          }
        }

        @Override
        public ErrorResponse decode(ByteBuffer in, ProtocolVersion version) {
          int code = Primitives.readInt(in);
          String message = Primitives.readString(in);
          ErrorDetails details =
              switch (code) {
                case ErrorCodes.UNAVAILABLE ->
                    new ErrorDetails.Unavailable(consistency(in), Primitives.readInt(in), Primitives.readInt(in));
                case ErrorCodes.WRITE_TIMEOUT -> {
                  ConsistencyLevel cl = consistency(in);
                  int received = Primitives.readInt(in);
                  int blockFor = Primitives.readInt(in);
                  String writeType = Primitives.readString(in);
                  // v5 appends the contention count for CAS writes only.
                  int contentions =
                      version.code() >= 5 && "CAS".equals(writeType) ? Primitives.readUnsignedShort(in) : -1;
                  yield new ErrorDetails.WriteTimeout(cl, received, blockFor, writeType, contentions);
                }
                case ErrorCodes.READ_TIMEOUT ->
                    new ErrorDetails.ReadTimeout(
                        consistency(in), Primitives.readInt(in), Primitives.readInt(in), Primitives.readByte(in) != 0);
                case ErrorCodes.READ_FAILURE -> {
                  ConsistencyLevel cl = consistency(in);
                  int received = Primitives.readInt(in);
                  int blockFor = Primitives.readInt(in);
                  Map<InetAddress, Integer> reasons = readReasons(in, version);
                  int failures = reasons == null ? Primitives.readInt(in) : reasons.size();
                  yield new ErrorDetails.ReadFailure(
                      cl, received, blockFor, failures, reasons, Primitives.readByte(in) != 0);
                }
                case ErrorCodes.WRITE_FAILURE -> {
                  ConsistencyLevel cl = consistency(in);
                  int received = Primitives.readInt(in);
                  int blockFor = Primitives.readInt(in);
                  Map<InetAddress, Integer> reasons = readReasons(in, version);
                  int failures = reasons == null ? Primitives.readInt(in) : reasons.size();
                  yield new ErrorDetails.WriteFailure(
                      cl, received, blockFor, failures, reasons, Primitives.readString(in));
                }
                case ErrorCodes.CAS_WRITE_UNKNOWN ->
                    new ErrorDetails.CasWriteUnknown(consistency(in), Primitives.readInt(in), Primitives.readInt(in));
                case ErrorCodes.FUNCTION_FAILURE ->
                    new ErrorDetails.FunctionFailure(
                        Primitives.readString(in), Primitives.readString(in), Primitives.readStringList(in));
                case ErrorCodes.ALREADY_EXISTS ->
                    new ErrorDetails.AlreadyExists(Primitives.readString(in), Primitives.readString(in));
                case ErrorCodes.UNPREPARED -> new ErrorDetails.Unprepared(Primitives.readShortBytes(in));
                default -> ErrorDetails.None.INSTANCE;
              };
          return new ErrorResponse(code, message, details);
        }
      };

  private static ConsistencyLevel consistency(ByteBuffer in) {
    return QueryOptions.consistency(Primitives.readUnsignedShort(in));
  }

  /** v5: {@code <int n><inetaddr, short>*n}; earlier versions: null (a plain count follows). */
  private static Map<InetAddress, Integer> readReasons(ByteBuffer in, ProtocolVersion version) {
    if (version.code() < 5) {
      return null;
    }
    int count = Primitives.readInt(in);
    if (count < 0) {
      throw new ProtocolError("negative failure reason count " + count);
    }
    Primitives.need(in, 7L * count, "reason map of " + count + " entries");
    Map<InetAddress, Integer> reasons = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      int size = Primitives.readByte(in) & 0xFF;
      if (size != 4 && size != 16) {
        throw new ProtocolError("[inetaddr] of " + size + " bytes; expected 4 or 16");
      }
      Primitives.need(in, size + 2L, "[inetaddr]");
      byte[] address = new byte[size];
      in.get(address);
      try {
        reasons.put(InetAddress.getByAddress(address), Primitives.readUnsignedShort(in));
      } catch (UnknownHostException e) {
        throw new ProtocolError("invalid [inetaddr]: " + e.getMessage());
      }
    }
    return Collections.unmodifiableMap(reasons);
  }

  private static int failuresSize(Map<InetAddress, Integer> reasons, ProtocolVersion version) {
    if (version.code() < 5) {
      return 4;
    }
    int size = 4;
    for (InetAddress address : reasons.keySet()) {
      size += 1 + address.getAddress().length + 2;
    }
    return size;
  }

  private static void writeFailures(
      int failures, Map<InetAddress, Integer> reasons, ByteBuffer out, ProtocolVersion version) {
    if (version.code() < 5) {
      out.putInt(failures);
      return;
    }
    out.putInt(reasons.size());
    for (Map.Entry<InetAddress, Integer> entry : reasons.entrySet()) {
      byte[] address = entry.getKey().getAddress();
      out.put((byte) address.length);
      out.put(address);
      out.putShort(entry.getValue().shortValue());
    }
  }
}
