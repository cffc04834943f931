package io.loomcql.metadata;

/**
 * The part of the ring a token owns: every token after {@link #start()} up to and including
 * {@link #end()}, wrapping past the end of the ring when {@code start >= end}. A range whose start
 * equals its end is the whole ring (a cluster with a single token). Immutable and thread-safe.
 */
public interface TokenRange {
  /** The token before the range (exclusive): the previous token on the ring. */
  Token start();

  /** The last token of the range (inclusive): the token of the node that owns the range. */
  Token end();

  /** Whether the range goes past the last token of the ring and starts again at its beginning. */
  boolean isWrappedAround();

  /** Whether {@code token} lies in this range. */
  boolean contains(Token token);
}
