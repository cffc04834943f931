package io.loomcql.internal.protocol;

import io.loomcql.error.ProtocolError;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The notations of the native protocol (section 3): [int], [short], [string], [bytes], ... read
 * from and written to a {@link ByteBuffer} at its position.
 *
 * <p>Every read checks the bytes that remain before it allocates, so a length field from a broken
 * or hostile peer can neither exhaust memory nor raise anything but {@link ProtocolError}. Strings
 * are written straight into the buffer, without an intermediate byte array.
 */
public final class Primitives {
  private Primitives() {}

  // ---- reads ----

  public static byte readByte(ByteBuffer in) {
    need(in, 1, "[byte]");
    return in.get();
  }

  public static int readUnsignedShort(ByteBuffer in) {
    need(in, 2, "[short]");
    return in.getShort() & 0xFFFF;
  }

  public static int readInt(ByteBuffer in) {
    need(in, 4, "[int]");
    return in.getInt();
  }

  public static long readLong(ByteBuffer in) {
    need(in, 8, "[long]");
    return in.getLong();
  }

  public static String readString(ByteBuffer in) {
    int length = readUnsignedShort(in);
    return readUtf8(in, length, "[string]");
  }

  public static String readLongString(ByteBuffer in) {
    int length = readInt(in);
    if (length < 0) {
      throw new ProtocolError("negative [long string] length " + length);
    }
    return readUtf8(in, length, "[long string]");
  }

  /** A [bytes] value: null for a negative length, else a read-only slice (no copy). */
  public static ByteBuffer readBytes(ByteBuffer in) {
    int length = readInt(in);
    return length < 0 ? null : slice(in, length, "[bytes]");
  }

  /** A [value]: like [bytes] but -2 means "unset" (returned as {@link #UNSET}). */
  public static ByteBuffer readValue(ByteBuffer in) {
    int length = readInt(in);
    if (length == -2) {
      return UNSET;
    }
    return length < 0 ? null : slice(in, length, "[value]");
  }

  public static ByteBuffer readShortBytes(ByteBuffer in) {
    int length = readUnsignedShort(in);
    return slice(in, length, "[short bytes]");
  }

  public static UUID readUuid(ByteBuffer in) {
    need(in, 16, "[uuid]");
    return new UUID(in.getLong(), in.getLong());
  }

  public static List<String> readStringList(ByteBuffer in) {
    int count = readUnsignedShort(in);
    // Each string costs at least its 2-byte length: a count the body cannot hold is rejected
    // before the list is allocated.
    need(in, 2L * count, "[string list] of " + count + " strings");
    List<String> list = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      list.add(readString(in));
    }
    return Collections.unmodifiableList(list);
  }

  public static Map<String, String> readStringMap(ByteBuffer in) {
    int count = readUnsignedShort(in);
    need(in, 4L * count, "[string map] of " + count + " entries");
    Map<String, String> map = new LinkedHashMap<>(capacity(count));
    for (int i = 0; i < count; i++) {
      map.put(readString(in), readString(in));
    }
    return Collections.unmodifiableMap(map);
  }

  public static Map<String, List<String>> readStringMultimap(ByteBuffer in) {
    int count = readUnsignedShort(in);
    need(in, 4L * count, "[string multimap] of " + count + " entries");
    Map<String, List<String>> map = new LinkedHashMap<>(capacity(count));
    for (int i = 0; i < count; i++) {
      map.put(readString(in), readStringList(in));
    }
    return Collections.unmodifiableMap(map);
  }

  public static Map<String, ByteBuffer> readBytesMap(ByteBuffer in) {
    int count = readUnsignedShort(in);
    need(in, 6L * count, "[bytes map] of " + count + " entries");
    Map<String, ByteBuffer> map = new LinkedHashMap<>(capacity(count));
    for (int i = 0; i < count; i++) {
      map.put(readString(in), readBytes(in));
    }
    return Collections.unmodifiableMap(map);
  }

  public static InetSocketAddress readInet(ByteBuffer in) {
    int size = readByte(in) & 0xFF;
    if (size != 4 && size != 16) {
      throw new ProtocolError("[inet] address of " + size + " bytes; expected 4 or 16");
    }
    need(in, size + 4L, "[inet]");
    byte[] address = new byte[size];
    in.get(address);
    int port = in.getInt();
    try {
      return new InetSocketAddress(InetAddress.getByAddress(address), port);
    } catch (UnknownHostException | IllegalArgumentException e) {
      throw new ProtocolError("invalid [inet]: " + e.getMessage());
    }
  }

  // ---- writes ----

  public static void writeUnsignedShort(int value, ByteBuffer out) {
    out.putShort((short) value);
  }

  public static void writeString(String value, ByteBuffer out) {
    int length = utf8Length(value);
    if (length > 0xFFFF) {
      throw new IllegalArgumentException("[string] longer than 65535 bytes: " + length);
    }
    out.putShort((short) length);
    putUtf8(value, out);
  }

  public static void writeLongString(String value, ByteBuffer out) {
    out.putInt(utf8Length(value));
    putUtf8(value, out);
  }

  /** Writes a [bytes] (or [value]): null as length -1, {@link #UNSET} as -2. */
  public static void writeBytes(ByteBuffer value, ByteBuffer out) {
    if (value == null) {
      out.putInt(-1);
    } else if (value == UNSET) {
      out.putInt(-2);
    } else {
      out.putInt(value.remaining());
      copy(value, out);
    }
  }

  /** Appends the value's remaining bytes without moving its position (and without a duplicate to do so). */
  private static void copy(ByteBuffer value, ByteBuffer out) {
    int length = value.remaining();
    out.put(out.position(), value, value.position(), length);
    out.position(out.position() + length);
  }

  public static void writeShortBytes(ByteBuffer value, ByteBuffer out) {
    out.putShort((short) value.remaining());
    copy(value, out);
  }

  public static void writeUuid(UUID value, ByteBuffer out) {
    out.putLong(value.getMostSignificantBits());
    out.putLong(value.getLeastSignificantBits());
  }

  public static void writeStringList(List<String> values, ByteBuffer out) {
    out.putShort((short) values.size());
    for (String value : values) {
      writeString(value, out);
    }
  }

  public static void writeStringMap(Map<String, String> map, ByteBuffer out) {
    out.putShort((short) map.size());
    for (Map.Entry<String, String> entry : map.entrySet()) {
      writeString(entry.getKey(), out);
      writeString(entry.getValue(), out);
    }
  }

  public static void writeStringMultimap(Map<String, List<String>> map, ByteBuffer out) {
    out.putShort((short) map.size());
    for (Map.Entry<String, List<String>> entry : map.entrySet()) {
      writeString(entry.getKey(), out);
      writeStringList(entry.getValue(), out);
    }
  }

  public static void writeBytesMap(Map<String, ByteBuffer> map, ByteBuffer out) {
    out.putShort((short) map.size());
    for (Map.Entry<String, ByteBuffer> entry : map.entrySet()) {
      writeString(entry.getKey(), out);
      writeBytes(entry.getValue(), out);
    }
  }

  public static void writeInet(InetSocketAddress value, ByteBuffer out) {
    byte[] address = value.getAddress().getAddress();
    out.put((byte) address.length);
    out.put(address);
    out.putInt(value.getPort());
  }

  // ---- sizes ----

  public static int sizeOfString(String value) {
    return 2 + utf8Length(value);
  }

  public static int sizeOfLongString(String value) {
    return 4 + utf8Length(value);
  }

  public static int sizeOfBytes(ByteBuffer value) {
    return value == null || value == UNSET ? 4 : 4 + value.remaining();
  }

  public static int sizeOfShortBytes(ByteBuffer value) {
    return 2 + value.remaining();
  }

  public static int sizeOfStringList(List<String> values) {
    int size = 2;
    for (String value : values) {
      size += sizeOfString(value);
    }
    return size;
  }

  public static int sizeOfStringMap(Map<String, String> map) {
    int size = 2;
    for (Map.Entry<String, String> entry : map.entrySet()) {
      size += sizeOfString(entry.getKey()) + sizeOfString(entry.getValue());
    }
    return size;
  }

  public static int sizeOfStringMultimap(Map<String, List<String>> map) {
    int size = 2;
    for (Map.Entry<String, List<String>> entry : map.entrySet()) {
      size += sizeOfString(entry.getKey()) + sizeOfStringList(entry.getValue());
    }
    return size;
  }

  public static int sizeOfBytesMap(Map<String, ByteBuffer> map) {
    int size = 2;
    for (Map.Entry<String, ByteBuffer> entry : map.entrySet()) {
      size += sizeOfString(entry.getKey()) + sizeOfBytes(entry.getValue());
    }
    return size;
  }

  public static int sizeOfInet(InetSocketAddress value) {
    return 1 + value.getAddress().getAddress().length + 4;
  }

  /**
   * The marker for an unset [value] (protocol v4+): identity matters, compare with {@code ==}.
   * It is a distinct zero-length buffer so that it can never equal a real empty value by identity.
   */
  public static final ByteBuffer UNSET = ByteBuffer.allocate(0).asReadOnlyBuffer();

  // ---- helpers ----

  static void need(ByteBuffer in, long bytes, String what) {
    if (bytes > in.remaining()) {
      throw new ProtocolError(
          "truncated " + what + ": needs " + bytes + " bytes, " + in.remaining() + " remain");
    }
  }

  /** Like {@link #need(ByteBuffer, long, String)}, but builds the message ({@code count + what}) only on failure. */
  static void need(ByteBuffer in, long bytes, int count, String what) {
    if (bytes > in.remaining()) {
      need(in, bytes, count + what);
    }
  }

  private static ByteBuffer slice(ByteBuffer in, int length, String what) {
    need(in, length, what);
    ByteBuffer slice = in.slice(in.position(), length).asReadOnlyBuffer();
    in.position(in.position() + length);
    return slice;
  }

  private static String readUtf8(ByteBuffer in, int length, String what) {
    need(in, length, what);
    String value;
    if (in.hasArray()) {
      value = new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
      in.position(in.position() + length);
    } else {
      byte[] bytes = new byte[length];
      in.get(bytes);
      value = new String(bytes, StandardCharsets.UTF_8);
    }
    return value;
  }

  private static int capacity(int entries) {
    return (int) Math.ceil(entries / 0.75);
  }

  /** UTF-8 length of a string, counting unpaired surrogates as '?' the way the JDK encodes them. */
  public static int utf8Length(String value) {
    int length = value.length();
    int bytes = length;
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (c >= 0x80) {
        if (c < 0x800) {
          bytes += 1;
        } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(value.charAt(i + 1))) {
          bytes += 2; // 4 bytes for the pair, 2 chars already counted
          i++;
        } else if (Character.isSurrogate(c)) {
          bytes += 0; // encoded as '?'
        } else {
          bytes += 2;
        }
      }
    }
    return bytes;
  }

  /** Encodes a string as UTF-8 at the buffer's position, exactly {@link #utf8Length} bytes. */
  public static void putUtf8(String value, ByteBuffer out) {
    int length = value.length();
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (c < 0x80) {
        out.put((byte) c);
      } else if (c < 0x800) {
        out.put((byte) (0xC0 | (c >> 6)));
        out.put((byte) (0x80 | (c & 0x3F)));
      } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(value.charAt(i + 1))) {
        int codePoint = Character.toCodePoint(c, value.charAt(++i));
        out.put((byte) (0xF0 | (codePoint >> 18)));
        out.put((byte) (0x80 | ((codePoint >> 12) & 0x3F)));
        out.put((byte) (0x80 | ((codePoint >> 6) & 0x3F)));
        out.put((byte) (0x80 | (codePoint & 0x3F)));
      } else if (Character.isSurrogate(c)) {
        out.put((byte) '?');
      } else {
        out.put((byte) (0xE0 | (c >> 12)));
        out.put((byte) (0x80 | ((c >> 6) & 0x3F)));
        out.put((byte) (0x80 | (c & 0x3F)));
      }
    }
  }
}
