package io.loomcql.internal.metadata.token;

import io.loomcql.metadata.Token;
import java.nio.ByteBuffer;

/**
 * Finds the ring position that owns a token: the first ring token greater than or equal to it,
 * wrapping to position 0 past the last token (Cassandra's {@code TokenMetadata.firstToken}).
 * Immutable and thread-safe.
 */
interface RingSearch {
  /** The position owning {@code token}; the ring is not empty. */
  int ownerPosition(Token token);

  /** The position owning the token of {@code routingKey}. */
  int ownerPosition(ByteBuffer routingKey);

  /** Turns the result of {@link java.util.Arrays#binarySearch} into the owning position. */
  static int firstAtOrAfter(int binarySearchResult, int ringSize) {
    int position = binarySearchResult >= 0 ? binarySearchResult : -binarySearchResult - 1;
    return position == ringSize ? 0 : position;
  }
}
