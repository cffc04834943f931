package io.loomcql.bench.client;

import io.loomcql.Cluster;
import io.loomcql.ConsistencyLevel;
import io.loomcql.PreparedStatement;
import io.loomcql.ProtocolVersion;
import io.loomcql.ResultSet;
import io.loomcql.Row;
import io.loomcql.Session;
import io.loomcql.bench.Workload;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/** loomcql: one connection, {@code execute} from the caller's virtual thread. */
final class LoomClient implements BenchClient {
  private final Cluster cluster;
  private final Session session;
  private volatile PreparedStatement prepared;
  private volatile Workload workload;

  LoomClient(ClientOptions options) {
    cluster = Cluster.builder()
        .addContactPoints(options.node())
        .withProtocolVersion(options.protocolVersion() == 5 ? ProtocolVersion.V5 : ProtocolVersion.V4)
        .withConnectionsPerHost(1)
        .withMaxRequestsPerConnection(options.maxRequestsPerConnection())
        .withDefaultConsistencyLevel(ConsistencyLevel.ONE)
        .withRequestTimeout(Duration.ofSeconds(30))
        .build();
    session = cluster.connect();
  }

  /** The session, for one-off statements (schema set-up). */
  Session session() {
    return session;
  }

  @Override
  public void prepare(Workload workload) {
    this.prepared = session.prepare(workload.cql);
    this.workload = workload;
  }

  @Override
  public long execute(long key) {
    return consume(session.execute(prepared.bind(Values.of(workload, key))));
  }

  @Override
  public CompletionStage<Long> executeAsync(long key) {
    return session.executeAsync(prepared.bind(Values.of(workload, key))).thenApply(this::consume);
  }

  private long consume(ResultSet rs) {
    long sum = 0;
    int columns = workload.columns.size();
    for (Row row : rs) {
      for (int i = 0; i < columns; i++) {
        sum += switch (workload.columns.get(i)) {
          case BIGINT -> row.getLong(i);
          case TEXT -> row.getString(i).length();
          case BLOB -> row.getByteBuffer(i).remaining();
        };
      }
    }
    return sum;
  }

  @Override
  public void close() {
    session.close();
    cluster.close();
  }
}
