package io.loomcql.internal.metadata;

import io.loomcql.Row;
import io.loomcql.internal.protocol.SchemaChangeResult;
import io.loomcql.metadata.Host;
import io.loomcql.metadata.Metadata;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * The cluster as the control connection keeps it: nodes from the registry, the schema and the
 * token map from the system tables. Readers get immutable snapshots; refreshes replace them.
 */
public final class DefaultMetadata implements Metadata {
  private final HostRegistry registry;
  private final BooleanSupplier agreement;
  private final Function<String, List<Row>> query;
  private volatile String clusterName;
  private volatile String partitioner;

  public DefaultMetadata(HostRegistry registry, BooleanSupplier agreement, Function<String, List<Row>> query) {
    this.registry = registry;
    this.agreement = agreement;
    this.query = query;
  }

  public void describeCluster(String clusterName, String partitioner) {
    this.clusterName = clusterName;
    this.partitioner = partitioner;
  }

  /** Reads the whole schema again (first contact, and after the control connection moved). */
  public void refreshAllSchema() {
    // schema metadata arrives with the schema model
  }

  /** Applies the schema changes of one event window (or of one DDL statement of ours). */
  public void schemaChanged(List<SchemaChangeResult> changes, boolean overflowed) {
    // schema metadata arrives with the schema model
  }

  Function<String, List<Row>> query() {
    return query;
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
  public boolean checkSchemaAgreement() {
    return agreement.getAsBoolean();
  }
}
