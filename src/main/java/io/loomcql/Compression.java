package io.loomcql;

/**
 * Compression of the traffic between the driver and a node, agreed once per connection in the
 * STARTUP message.
 *
 * <p>Compression pays off when responses are large (wide rows, big pages) and the network is the
 * bottleneck; for small requests on a fast network it mostly costs CPU. The algorithms live in
 * optional jars that the driver does not pull in: put {@code at.yawk.lz4:lz4-java} or
 * {@code org.xerial.snappy:snappy-java} on the path to use them. Asking for one whose jar is absent
 * fails as soon as the driver sets compression up, with a message naming the missing artifact.
 * On the module path they are automatic modules that nothing requires, so also resolve them:
 * {@code --add-modules org.lz4.java} or {@code --add-modules org.xerial.snappy}.
 *
 * <p>On protocol v5 only {@link #LZ4} exists: there the whole outer frame is compressed, not each
 * message body. {@link #SNAPPY} is limited to protocols v3 and v4.
 */
public enum Compression {
  /** No compression (the default). */
  NONE,
  /** LZ4, in pure Java; needs {@code at.yawk.lz4:lz4-java}. Usable on every protocol version. */
  LZ4,
  /** Snappy, through a native library; needs {@code org.xerial.snappy:snappy-java}. v3 and v4 only. */
  SNAPPY
}
