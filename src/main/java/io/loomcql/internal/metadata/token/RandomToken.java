package io.loomcql.internal.metadata.token;

import io.loomcql.metadata.Token;
import java.math.BigInteger;

/** A RandomPartitioner token: an integer from -1 (the minimum token) to 2^127. */
record RandomToken(BigInteger value) implements Token {
  @Override
  public int compareTo(Token other) {
    return value.compareTo(((RandomToken) other).value);
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
