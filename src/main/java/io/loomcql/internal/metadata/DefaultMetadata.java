package io.loomcql.internal.metadata;

import io.loomcql.internal.jfr.SchemaRefreshEvent;
import io.loomcql.internal.metadata.schema.SchemaExport;
import io.loomcql.internal.metadata.schema.SchemaParser;
import io.loomcql.internal.metadata.schema.SchemaQueries;
import io.loomcql.internal.metadata.schema.SchemaRefresh;
import io.loomcql.internal.metadata.schema.SchemaSource;
import io.loomcql.internal.metadata.token.DefaultTokenMap;
import io.loomcql.internal.protocol.SchemaChangeResult;
import io.loomcql.metadata.Host;
import io.loomcql.metadata.KeyspaceMetadata;
import io.loomcql.metadata.Metadata;
import io.loomcql.metadata.TokenMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster as the control connection keeps it: nodes from the registry, the schema and the
 * token map from the system tables. Readers get immutable snapshots; refreshes replace them.
 */
public final class DefaultMetadata implements Metadata {
  private static final Logger LOG = LoggerFactory.getLogger(DefaultMetadata.class);
  // Beyond this many distinct objects changed in one window, one full read is cheaper.
  private static final int MAX_TARGETED_REFRESHES = 20;

  /** The token map and what it was computed from. */
  private record CachedTokenMap(long hostsVersion, Map<String, KeyspaceMetadata> keyspaces, TokenMap map) {}

  private final HostRegistry registry;
  private final BooleanSupplier agreement;
  private final SchemaSource source;
  private final boolean fullSchema;
  private final boolean tokenMetadata;
  private final ReentrantLock refreshLock = new ReentrantLock(); // one schema refresh at a time
  private volatile String clusterName;
  private volatile String partitioner;
  private volatile Map<String, KeyspaceMetadata> keyspaces = Map.of();
  private volatile CachedTokenMap tokenMap;

  /**
   * @param fullSchema false keeps only the keyspaces and their replication
   */
  public DefaultMetadata(
      HostRegistry registry, BooleanSupplier agreement, SchemaSource source, boolean fullSchema, boolean tokenMetadata) {
    this.registry = registry;
    this.agreement = agreement;
    this.source = source;
    this.fullSchema = fullSchema;
    this.tokenMetadata = tokenMetadata;
  }

  public void describeCluster(String clusterName, String partitioner) {
    this.clusterName = clusterName;
    this.partitioner = partitioner;
  }

  /** Reads the whole schema again (first contact, and after the control connection moved). */
  public void refreshAllSchema() {
    SchemaRefreshEvent event = new SchemaRefreshEvent();
    event.begin();
    refreshLock.lock();
    try {
      keyspaces = fullSchema ? SchemaRefresh.full(source) : SchemaParser.parseAll(SchemaQueries.keyspacesOnly(source));
    } finally {
      refreshLock.unlock();
    }
    commit(event, "full");
  }

  private void commit(SchemaRefreshEvent event, String scope) {
    event.end();
    if (event.shouldCommit()) {
      event.scope = scope;
      event.keyspaces = keyspaces.size();
      event.commit();
    }
  }

  /**
   * Applies the schema changes of one event window (or of one DDL statement of ours): each
   * changed object is read again on its own, unless so many changed that one full read is cheaper.
   */
  public void schemaChanged(List<SchemaChangeResult> changes, boolean overflowed) {
    Set<SchemaChangeResult> distinct = new HashSet<>(changes);
    if (overflowed || distinct.size() > MAX_TARGETED_REFRESHES) {
      LOG.debug("{} schema changes at once: reading the whole schema", changes.size());
      refreshAllSchema();
      return;
    }
    if (!fullSchema) {
      if (distinct.stream().anyMatch(change -> "KEYSPACE".equals(change.target()))) {
        refreshAllSchema(); // only keyspaces are kept: one small query
      }
      return;
    }
    SchemaRefreshEvent event = new SchemaRefreshEvent();
    event.begin();
    refreshLock.lock();
    try {
      Map<String, KeyspaceMetadata> current = keyspaces;
      for (SchemaChangeResult change : distinct) {
        current = SchemaRefresh.apply(current, change, source);
      }
      keyspaces = current;
    } finally {
      refreshLock.unlock();
      commit(event, distinct.size() + " change(s)");
    }
  }

  @Override
  public String clusterName() {
    return clusterName;
  }

  @Override
  public String partitioner() {
    return partitioner;
  }

  @Override
  public Set<Host> allHosts() {
    return Set.copyOf(registry.all());
  }

  @Override
  public Map<String, KeyspaceMetadata> keyspaces() {
    return keyspaces;
  }

  @Override
  public Optional<KeyspaceMetadata> keyspace(String name) {
    return Optional.ofNullable(keyspaces.get(name));
  }

  @Override
  public String describe() {
    if (!fullSchema) {
      throw new IllegalStateException(
          "schema metadata is disabled (withSchemaMetadataEnabled(false)): only keyspaces are known");
    }
    return SchemaExport.describeAll(keyspaces.values());
  }

  @Override
  public TokenMap tokenMap() {
    if (!tokenMetadata) {
      throw new IllegalStateException("token metadata is disabled (withTokenMetadataEnabled(false))");
    }
    long hostsVersion = registry.version();
    Map<String, KeyspaceMetadata> schema = keyspaces;
    CachedTokenMap cached = tokenMap;
    if (cached != null && cached.hostsVersion() == hostsVersion && cached.keyspaces() == schema) {
      return cached.map();
    }
    Map<String, Map<String, String>> replication = new LinkedHashMap<>();
    schema.forEach((name, keyspace) -> replication.put(name, keyspace.replication()));
    // LocalStrategy keyspaces (system ones) have no replicas to route to: any coordinator serves them.
    TokenMap map = DefaultTokenMap.build(partitioner, List.copyOf(registry.all()), replication, null);
    tokenMap = new CachedTokenMap(hostsVersion, schema, map);
    return map;
  }

  @Override
  public boolean checkSchemaAgreement() {
    return agreement.getAsBoolean();
  }
}
