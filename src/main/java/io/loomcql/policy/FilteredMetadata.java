package io.loomcql.policy;

import io.loomcql.metadata.Host;
import io.loomcql.metadata.KeyspaceMetadata;
import io.loomcql.metadata.Metadata;
import io.loomcql.metadata.TokenMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The cluster's metadata as a filtered child policy should see it: policies fill themselves from
 * {@link #allHosts()} at init, so the hosts it leaves out never enter the child's rotation. The
 * token map stays whole: replicas are the cluster's, and the filter still guards every plan.
 */
final class FilteredMetadata implements Metadata {
  private final Metadata metadata;
  private final Predicate<Host> accepted;

  FilteredMetadata(Metadata metadata, Predicate<Host> accepted) {
    this.metadata = metadata;
    this.accepted = accepted;
  }

  @Override
  public String clusterName() {
    return metadata.clusterName();
  }

  @Override
  public String partitioner() {
    return metadata.partitioner();
  }

  @Override
  public Set<Host> allHosts() {
    Set<Host> hosts = new LinkedHashSet<>();
    for (Host host : metadata.allHosts()) {
      if (accepted.test(host)) {
        hosts.add(host);
      }
    }
    return hosts;
  }

  @Override
  public Map<String, KeyspaceMetadata> keyspaces() {
    return metadata.keyspaces();
  }

  @Override
  public Optional<KeyspaceMetadata> keyspace(String name) {
    return metadata.keyspace(name);
  }

  @Override
  public String describe() {
    return metadata.describe();
  }

  @Override
  public TokenMap tokenMap() {
    return metadata.tokenMap();
  }

  @Override
  public boolean checkSchemaAgreement() {
    return metadata.checkSchemaAgreement();
  }
}
