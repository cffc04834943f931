package io.loomcql.internal.metadata.token;

import io.loomcql.metadata.Token;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Cassandra's partitioner before 1.2: the absolute value of the key's MD5 as a signed integer. */
final class RandomPartitioner implements Partitioner {
  static final String NAME = "org.apache.cassandra.dht.RandomPartitioner";
  static final RandomPartitioner INSTANCE = new RandomPartitioner();
  private static final RandomToken MINIMUM = new RandomToken(BigInteger.ONE.negate());

  private RandomPartitioner() {}

  @Override
  public String name() {
    return NAME;
  }

  /** As Cassandra: an empty key is the minimum token (-1), which no hash can produce. */
  @Override
  public Token hash(ByteBuffer routingKey) {
    if (!routingKey.hasRemaining()) {
      return MINIMUM;
    }
    MessageDigest md5 = md5();
    md5.update(routingKey.duplicate());
    return new RandomToken(new BigInteger(md5.digest()).abs());
  }

  @Override
  public Token parse(String text) {
    try {
      return new RandomToken(new BigInteger(text.trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a Random partitioner token: '" + text + "'", e);
    }
  }

  // Looked up once; each hash clones it, which skips the provider lookup of getInstance and
  // keeps no digest per thread (there is one virtual thread per request).
  private static final MessageDigest PROTOTYPE = lookUpMd5();

  private static MessageDigest md5() {
    try {
      return (MessageDigest) PROTOTYPE.clone();
    } catch (CloneNotSupportedException e) {
      return lookUpMd5(); // a provider whose MD5 cannot be cloned
    }
  }

  private static MessageDigest lookUpMd5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JDK has no MD5, which RandomPartitioner needs", e);
    }
  }
}
