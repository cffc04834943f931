package io.loomcql.internal.metadata;

import java.net.InetSocketAddress;
import java.util.Set;
import java.util.UUID;

/**
 * One node as a row of {@code system.local} or {@code system.peers(_v2)} describes it, with its
 * address already translated to where the driver connects.
 */
public record NodeInfo(
    InetSocketAddress address,
    String datacenter,
    String rack,
    String releaseVersion,
    UUID hostId,
    Set<String> tokens,
    UUID schemaVersion) {
  public NodeInfo {
    tokens = tokens == null ? Set.of() : Set.copyOf(tokens);
  }
}
