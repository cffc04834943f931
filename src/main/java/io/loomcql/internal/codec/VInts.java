package io.loomcql.internal.codec;

import io.loomcql.error.ProtocolError;
import java.nio.ByteBuffer;

/**
 * Cassandra's variable-length integers ([vint] / [unsigned vint] in the v5 spec): the count of
 * leading 1 bits of the first byte is the count of extra bytes. Signed ones are zig-zag encoded.
 * Durations and variable-size vector elements use them.
 */
public final class VInts {
  private VInts() {}

  public static int sizeOfUnsigned(long value) {
    int magnitude = Long.numberOfLeadingZeros(value | 1);
    return (639 - magnitude * 9) >> 6;
  }

  public static int sizeOfSigned(long value) {
    return sizeOfUnsigned(zigZag(value));
  }

  public static void writeUnsigned(long value, ByteBuffer out) {
    int size = sizeOfUnsigned(value);
    if (size == 1) {
      out.put((byte) value);
      return;
    }
    if (size == 9) {
      out.put((byte) 0xFF).putLong(value);
      return;
    }
    int extra = size - 1;
    int firstMask = (0xFF << (8 - extra)) & 0xFF;
    out.put((byte) ((value >>> (8 * extra)) | firstMask));
    for (int i = extra - 1; i >= 0; i--) {
      out.put((byte) (value >>> (8 * i)));
    }
  }

  public static void writeSigned(long value, ByteBuffer out) {
    writeUnsigned(zigZag(value), out);
  }

  /** Reads one unsigned vint, moving the buffer; a truncated one is a {@link ProtocolError}. */
  public static long readUnsigned(ByteBuffer in) {
    if (!in.hasRemaining()) {
      throw new ProtocolError("truncated vint: no bytes left");
    }
    int first = in.get();
    if (first >= 0) {
      return first;
    }
    int extra = Integer.numberOfLeadingZeros(~first) - 24;
    if (in.remaining() < extra) {
      throw new ProtocolError("truncated vint: needs " + extra + " more bytes, " + in.remaining() + " remain");
    }
    long value = extra == 8 ? 0 : first & (0xFF >>> (extra + 1));
    for (int i = 0; i < extra; i++) {
      value = (value << 8) | (in.get() & 0xFF);
    }
    return value;
  }

  public static long readSigned(ByteBuffer in) {
    long raw = readUnsigned(in);
    return (raw >>> 1) ^ -(raw & 1);
  }

  private static long zigZag(long value) {
    return (value << 1) ^ (value >> 63);
  }
}
