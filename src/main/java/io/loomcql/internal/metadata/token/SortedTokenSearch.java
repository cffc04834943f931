package io.loomcql.internal.metadata.token;

import io.loomcql.metadata.Token;
import java.nio.ByteBuffer;
import java.util.Arrays;

/** Binary search over the ring's tokens in their natural order; works for every partitioner. */
final class SortedTokenSearch implements RingSearch {
  private final Partitioner partitioner;
  private final Token[] tokens;

  SortedTokenSearch(Partitioner partitioner, Token[] sortedTokens) {
    this.partitioner = partitioner;
    this.tokens = sortedTokens;
  }

  @Override
  public int ownerPosition(Token token) {
    return RingSearch.firstAtOrAfter(Arrays.binarySearch(tokens, token), tokens.length);
  }

  @Override
  public int ownerPosition(ByteBuffer routingKey) {
    return ownerPosition(partitioner.hash(routingKey));
  }
}
