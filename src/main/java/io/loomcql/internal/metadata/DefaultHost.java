package io.loomcql.internal.metadata;

import io.loomcql.internal.jfr.NodeStateEvent;
import io.loomcql.metadata.Host;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node as learned from its {@code system.local} or {@code system.peers} row. The descriptive
 * fields change only when a refresh reads the node again; {@code up} changes as connections open
 * and fail and as the cluster's events say.
 */
public final class DefaultHost implements Host {
  private static final Logger LOG = LoggerFactory.getLogger(DefaultHost.class);

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

  public void describe(NodeInfo node) {
    if (node.datacenter() != null) {
      this.datacenter = node.datacenter();
    }
    if (node.rack() != null) {
      this.rack = node.rack();
    }
    if (node.releaseVersion() != null) {
      this.releaseVersion = node.releaseVersion();
    }
    if (node.hostId() != null) {
      this.hostId = node.hostId();
    }
    if (!node.tokens().isEmpty()) {
      this.tokens = node.tokens();
    }
  }

  /** A connection opened, or the cluster said so: requests may come back. */
  public void markUp() {
    if (!up) {
      up = true;
      LOG.info("Node {} is up", this);
      NodeStateEvent.emit(address.toString(), true, null);
    }
  }

  public void markDown(String why) {
    if (up) {
      up = false;
      LOG.info("Node {} is down: {}", this, why);
      NodeStateEvent.emit(address.toString(), false, why);
    }
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
