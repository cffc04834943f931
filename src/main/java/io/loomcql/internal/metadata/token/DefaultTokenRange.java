package io.loomcql.internal.metadata.token;

import io.loomcql.metadata.Token;
import io.loomcql.metadata.TokenRange;

/** A range {@code (start, end]} of the ring; start == end is the whole ring. */
record DefaultTokenRange(Token start, Token end) implements TokenRange {
  @Override
  public boolean isWrappedAround() {
    return start.compareTo(end) >= 0;
  }

  @Override
  public boolean contains(Token token) {
    boolean afterStart = token.compareTo(start) > 0;
    boolean atOrBeforeEnd = token.compareTo(end) <= 0;
    return isWrappedAround() ? afterStart || atOrBeforeEnd : afterStart && atOrBeforeEnd;
  }

  @Override
  public String toString() {
    return "(" + start + ", " + end + "]";
  }
}
