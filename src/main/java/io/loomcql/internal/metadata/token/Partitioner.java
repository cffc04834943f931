package io.loomcql.internal.metadata.token;

import io.loomcql.metadata.Token;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * One of Cassandra's partitioners: how a partition key becomes a token, how tokens are written as
 * text, and how a sorted ring of its tokens is searched. Implementations are stateless and
 * thread-safe.
 */
interface Partitioner {
  /** The partitioner's full class name, as {@code system.local} reports it. */
  String name();

  /** The token of a serialized partition key; reads the bytes between position and limit only. */
  Token hash(ByteBuffer routingKey);

  /** Reads the partitioner's string form; throws {@link IllegalArgumentException} if malformed. */
  Token parse(String text);

  /**
   * A search over the ring's tokens, sorted ascending and distinct. Partitioners may specialise it
   * so that a lookup by key does not allocate a token.
   */
  default RingSearch search(List<Token> sortedTokens) {
    return new SortedTokenSearch(this, sortedTokens.toArray(Token[]::new));
  }
}
