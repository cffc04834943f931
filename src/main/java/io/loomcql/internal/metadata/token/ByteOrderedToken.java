package io.loomcql.internal.metadata.token;

import io.loomcql.metadata.Token;
import java.util.Arrays;
import java.util.HexFormat;

/** A ByteOrderedPartitioner token: the key's own bytes, ordered as unsigned bytes. */
final class ByteOrderedToken implements Token {
  private final byte[] bytes;

  /** Takes ownership of {@code bytes}: the caller must not change them afterwards. */
  ByteOrderedToken(byte[] bytes) {
    this.bytes = bytes;
  }

  @Override
  public int compareTo(Token other) {
    return Arrays.compareUnsigned(bytes, ((ByteOrderedToken) other).bytes);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ByteOrderedToken that && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  /** Lower-case hex, as Cassandra writes these tokens. */
  @Override
  public String toString() {
    return HexFormat.of().formatHex(bytes);
  }
}
