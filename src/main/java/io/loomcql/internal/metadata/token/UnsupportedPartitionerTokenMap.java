package io.loomcql.internal.metadata.token;

import io.loomcql.metadata.Host;
import io.loomcql.metadata.Token;
import io.loomcql.metadata.TokenMap;
import io.loomcql.metadata.TokenRange;
import java.nio.ByteBuffer;
import java.util.Set;

/**
 * The token map of a cluster whose partitioner the driver cannot compute (a custom one): no replica
 * is known, so token-aware routing falls back to its child policy. Immutable.
 */
record UnsupportedPartitionerTokenMap(String partitionerName) implements TokenMap {
  @Override
  public Token newToken(ByteBuffer routingKey) {
    throw unsupported();
  }

  @Override
  public Token newToken(ByteBuffer... partitionKeyComponents) {
    throw unsupported();
  }

  @Override
  public Token parse(String token) {
    throw unsupported();
  }

  @Override
  public Set<Host> replicas(String keyspace, ByteBuffer routingKey) {
    return Set.of();
  }

  @Override
  public Set<Host> replicas(String keyspace, Token token) {
    return Set.of();
  }

  @Override
  public Set<Host> replicas(String keyspace, TokenRange range) {
    return Set.of();
  }

  @Override
  public Set<Token> tokens(Host host) {
    return Set.of();
  }

  @Override
  public Set<TokenRange> tokenRanges() {
    return Set.of();
  }

  @Override
  public Set<TokenRange> tokenRanges(Host host) {
    return Set.of();
  }

  @Override
  public Set<TokenRange> tokenRanges(String keyspace, Host host) {
    return Set.of();
  }

  private IllegalStateException unsupported() {
    return new IllegalStateException("The cluster's partitioner " + partitionerName
        + " is not supported (Murmur3Partitioner, RandomPartitioner and ByteOrderedPartitioner are), so the"
        + " driver cannot compute tokens");
  }
}
