package io.loomcql.internal.metadata.token;

import java.nio.ByteBuffer;

/**
 * Builds the routing key of a multi-column partition key the way Cassandra's
 * {@code CompositeType} serializes it, since that is what the partitioner hashes: for each
 * component a 2-byte big-endian length, the bytes, then an end-of-component byte of 0.
 */
public final class RoutingKeys {
  private RoutingKeys() {}

  /**
   * The routing key of a partition key given column by column. A single component is returned as
   * it is (a duplicate sharing its bytes), because Cassandra does not compose single-column keys.
   * The components' positions and limits are left unchanged.
   *
   * @throws IllegalArgumentException if there is no component, one is null, or there are several
   *     and one is longer than 65535 bytes
   */
  public static ByteBuffer compose(ByteBuffer... components) {
    if (components == null || components.length == 0) {
      throw new IllegalArgumentException("a partition key has at least one component");
    }
    for (int i = 0; i < components.length; i++) {
      if (components[i] == null) {
        throw new IllegalArgumentException("partition key component " + i + " is null");
      }
    }
    if (components.length == 1) {
      return components[0].duplicate();
    }
    int size = 0;
    for (int i = 0; i < components.length; i++) {
      if (components[i].remaining() > 0xFFFF) {
        throw new IllegalArgumentException("partition key component " + i + " has " + components[i].remaining()
            + " bytes; a component of a multi-column partition key has at most 65535");
      }
      size += 2 + components[i].remaining() + 1;
    }
    ByteBuffer key = ByteBuffer.allocate(size);
    for (ByteBuffer component : components) {
      key.putShort((short) component.remaining());
      key.put(component.duplicate());
      key.put((byte) 0);
    }
    return key.flip();
  }
}
