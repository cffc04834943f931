package io.loomcql.internal.codec;

import io.loomcql.error.ProtocolError;
import io.loomcql.type.CqlDuration;
import java.nio.ByteBuffer;

/** The duration format (v5 section 5.8): months, days and nanoseconds as three signed vints. */
public final class DurationValues {
  private DurationValues() {}

  public static ByteBuffer encode(CqlDuration duration) {
    int size = VInts.sizeOfSigned(duration.months()) + VInts.sizeOfSigned(duration.days())
        + VInts.sizeOfSigned(duration.nanoseconds());
    ByteBuffer out = ByteBuffer.allocate(size);
    VInts.writeSigned(duration.months(), out);
    VInts.writeSigned(duration.days(), out);
    VInts.writeSigned(duration.nanoseconds(), out);
    return out.flip();
  }

  /** Reads the cell (position to limit) without moving it. */
  public static CqlDuration decode(ByteBuffer cell) {
    ByteBuffer in = cell.duplicate();
    long months = VInts.readSigned(in);
    long days = VInts.readSigned(in);
    long nanos = VInts.readSigned(in);
    if (in.hasRemaining()) {
      throw new ProtocolError("duration with " + in.remaining() + " trailing bytes");
    }
    if (months != (int) months || days != (int) days) {
      throw new ProtocolError("duration months (" + months + ") or days (" + days + ") out of 32-bit range");
    }
    try {
      return CqlDuration.of((int) months, (int) days, nanos);
    } catch (IllegalArgumentException e) {
      throw new ProtocolError("invalid duration: " + e.getMessage());
    }
  }
}
