package io.loomcql.internal.protocol;

import java.nio.ByteBuffer;
import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * Positional values already in their wire form: one array holding each {@code [value]} as the
 * protocol writes it ({@code [int]} length, -1 for null, -2 for unset, then the bytes). A bound
 * statement keeps its values so, and the EXECUTE that sends them copies the array into the frame
 * in one step: no buffer per value. Immutable (the array is never handed out).
 *
 * <p>As a {@code List<ByteBuffer>} it reads like the values one by one: {@code get} returns null
 * for CQL null, {@link Primitives#UNSET} for unset, else a new read-only view of the value's
 * bytes (an allocation per call: the hot path writes the array as a whole instead).
 */
public final class ValueList extends AbstractList<ByteBuffer> implements RandomAccess {
  private final byte[] data;
  private final int count;

  /**
   * @param data {@code count} values in wire form, exactly filling the array; handed over, not
   *     copied
   */
  public ValueList(byte[] data, int count) {
    this.data = data;
    this.count = count;
  }

  /** The values of separate buffers (null for CQL null, {@link Primitives#UNSET} for unset), copied. */
  public static ValueList of(ByteBuffer[] values) {
    int size = 0;
    for (ByteBuffer value : values) {
      size += Primitives.sizeOfBytes(value);
    }
    byte[] data = new byte[size];
    int at = 0;
    for (ByteBuffer value : values) {
      if (value == null || value == Primitives.UNSET) {
        at = putInt(data, at, value == null ? -1 : -2);
      } else {
        int length = value.remaining();
        at = putInt(data, at, length);
        value.get(value.position(), data, at, length); // absolute: the buffer's position does not move
        at += length;
      }
    }
    return new ValueList(data, values.length);
  }

  @Override
  public int size() {
    return count;
  }

  @Override
  public ByteBuffer get(int index) {
    int at = offsetOf(index);
    int length = getInt(data, at);
    if (length == -1) {
      return null;
    }
    if (length == -2) {
      return Primitives.UNSET;
    }
    return ByteBuffer.wrap(data, at + 4, length).slice().asReadOnlyBuffer();
  }

  /** Whether the value at that index is unset (no allocation). */
  public boolean isUnset(int index) {
    return getInt(data, offsetOf(index)) == -2;
  }

  /** The bytes {@link #writeTo} writes: every value with its length. */
  public int encodedSize() {
    return data.length;
  }

  /** Writes every value, in order, as {@code [value]}s (without the count). */
  public void writeTo(ByteBuffer out) {
    out.put(data);
  }

  private int offsetOf(int index) {
    if (index < 0 || index >= count) {
      throw new IndexOutOfBoundsException("value " + index + " of " + count);
    }
    int at = 0;
    for (int i = 0; i < index; i++) {
      at += 4 + Math.max(0, getInt(data, at));
    }
    return at;
  }

  /** Writes a big-endian int at {@code at}; returns the offset after it. */
  public static int putInt(byte[] out, int at, int value) {
    out[at] = (byte) (value >>> 24);
    out[at + 1] = (byte) (value >>> 16);
    out[at + 2] = (byte) (value >>> 8);
    out[at + 3] = (byte) value;
    return at + 4;
  }

  private static int getInt(byte[] in, int at) {
    return (in[at] << 24) | ((in[at + 1] & 0xFF) << 16) | ((in[at + 2] & 0xFF) << 8) | (in[at + 3] & 0xFF);
  }
}
