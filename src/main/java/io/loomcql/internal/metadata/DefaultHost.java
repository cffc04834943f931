package io.loomcql.internal.metadata;

import io.loomcql.metadata.Host;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.UUID;

/**
 * A node as learned from its {@code system.local} row. The descriptive fields are set once before
 * the host is published; {@code up} changes as connections open and fail.
 */
public final class DefaultHost implements Host {
  private final InetSocketAddress address;
  private volatile String datacenter;
  private volatile String rack;
  private volatile String releaseVersion;
  private volatile UUID hostId;
  private volatile Set<String> tokens = Set.of();
  private volatile boolean up = true;

  public DefaultHost(InetSocketAddress address) {
    this.address = address;
  }

  public void describe(String datacenter, String rack, String releaseVersion, UUID hostId, Set<String> tokens) {
    this.datacenter = datacenter;
    this.rack = rack;
    this.releaseVersion = releaseVersion;
    this.hostId = hostId;
    this.tokens = tokens == null ? Set.of() : Set.copyOf(tokens);
  }

  public void up(boolean up) {
    this.up = up;
  }

  @Override
  public InetSocketAddress address() {
    return address;
  }

  @Override
  public String datacenter() {
    return datacenter;
  }

  @Override
  public String rack() {
    return rack;
  }

  @Override
  public boolean isUp() {
    return up;
  }

  @Override
  public String releaseVersion() {
    return releaseVersion;
  }

  @Override
  public UUID hostId() {
    return hostId;
  }

  @Override
  public Set<String> tokens() {
    return tokens;
  }

  @Override
  public String toString() {
    return address.getAddress().getHostAddress() + ":" + address.getPort()
        + (datacenter == null ? "" : " (" + datacenter + "/" + rack + ")");
  }
}
