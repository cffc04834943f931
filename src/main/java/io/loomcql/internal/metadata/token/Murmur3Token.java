package io.loomcql.internal.metadata.token;

import io.loomcql.metadata.Token;

/** A Murmur3Partitioner token: a signed 64-bit value, ordered as a signed long. */
record Murmur3Token(long value) implements Token {
  @Override
  public int compareTo(Token other) {
    return Long.compare(value, ((Murmur3Token) other).value);
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
