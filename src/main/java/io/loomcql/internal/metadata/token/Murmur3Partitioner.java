package io.loomcql.internal.metadata.token;

import io.loomcql.metadata.Token;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

/** Cassandra's default partitioner since 1.2: the first half of a MurmurHash3 x64_128. */
final class Murmur3Partitioner implements Partitioner {
  static final String NAME = "org.apache.cassandra.dht.Murmur3Partitioner";
  static final Murmur3Partitioner INSTANCE = new Murmur3Partitioner();

  private Murmur3Partitioner() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Token hash(ByteBuffer routingKey) {
    return new Murmur3Token(hashToLong(routingKey));
  }

  /**
   * As Cassandra: an empty key is the minimum token, and a hash of Long.MIN_VALUE becomes
   * Long.MAX_VALUE because MIN_VALUE is reserved for the minimum token, which no key may have.
   */
  static long hashToLong(ByteBuffer routingKey) {
    if (!routingKey.hasRemaining()) {
      return Long.MIN_VALUE;
    }
    return normalize(Murmur3Hash.hash(routingKey));
  }

  static long normalize(long hash) {
    return hash == Long.MIN_VALUE ? Long.MAX_VALUE : hash;
  }

  @Override
  public Token parse(String text) {
    try {
      return new Murmur3Token(Long.parseLong(text.trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a Murmur3 token: '" + text + "'", e);
    }
  }

  /** Searches plain longs, so that routing a key allocates nothing. */
  @Override
  public RingSearch search(List<Token> sortedTokens) {
    long[] values = new long[sortedTokens.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = ((Murmur3Token) sortedTokens.get(i)).value();
    }
    return new RingSearch() {
      @Override
      public int ownerPosition(Token token) {
        return RingSearch.firstAtOrAfter(Arrays.binarySearch(values, ((Murmur3Token) token).value()), values.length);
      }

      @Override
      public int ownerPosition(ByteBuffer routingKey) {
        return RingSearch.firstAtOrAfter(Arrays.binarySearch(values, hashToLong(routingKey)), values.length);
      }
    };
  }
}
