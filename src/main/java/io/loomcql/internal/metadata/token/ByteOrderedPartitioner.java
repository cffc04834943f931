package io.loomcql.internal.metadata.token;

import io.loomcql.metadata.Token;
import java.nio.ByteBuffer;
import java.util.HexFormat;

/** Keys are their own tokens, in unsigned byte order; the empty key is the minimum token. */
final class ByteOrderedPartitioner implements Partitioner {
  static final String NAME = "org.apache.cassandra.dht.ByteOrderedPartitioner";
  static final ByteOrderedPartitioner INSTANCE = new ByteOrderedPartitioner();

  private ByteOrderedPartitioner() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Token hash(ByteBuffer routingKey) {
    byte[] bytes = new byte[routingKey.remaining()];
    routingKey.get(routingKey.position(), bytes);
    return new ByteOrderedToken(bytes);
  }

  /** Hex, either case; an odd number of digits gets a leading zero, as Cassandra's Hex does. */
  @Override
  public Token parse(String text) {
    String hex = text.trim();
    if (hex.length() % 2 != 0) {
      hex = "0" + hex;
    }
    try {
      return new ByteOrderedToken(HexFormat.of().parseHex(hex));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a ByteOrdered token (hex expected): '" + text + "'", e);
    }
  }
}
