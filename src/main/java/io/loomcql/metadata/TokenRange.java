package io.loomcql.metadata;

/**
 * The part of the ring a token owns: every token after {@link #start()} up to and including
 * {@link #end()}, wrapping past the end of the ring when {@code start >= end}. A range whose start
 * equals its end is the whole ring (a cluster with a single token). Immutable and thread-safe.
 */
public interface TokenRange {
  /** {@return the token before the range (exclusive): the previous token on the ring} */
  Token start();

  /** {@return the last token of the range (inclusive): the token of the node that owns it} */
  Token end();

  /**
   * Whether the range goes past the last token of the ring and starts again at its beginning.
   *
   * @return {@code true} if {@code start >= end}, which includes the whole-ring range
   */
  boolean isWrappedAround();

  /**
   * Whether a token lies in this range: after the start, up to and including the end.
   *
   * @param token a token of the same partitioner
   * @return {@code true} if it does
   */
  boolean contains(Token token);
}
