package io.loomcql.internal.metadata;

import io.loomcql.metadata.Host;
import io.loomcql.metadata.Metadata;
import java.util.List;
import java.util.Set;

/** What the control connection learned of the cluster at first contact. Immutable. */
public record DefaultMetadata(String clusterName, String partitioner, List<DefaultHost> hosts) implements Metadata {
  public DefaultMetadata {
    hosts = List.copyOf(hosts);
  }

  @Override
  public Set<Host> allHosts() {
    return Set.copyOf(hosts);
  }
}
