package io.loomcql.bench.client;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import io.loomcql.bench.Workload;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The Apache Cassandra Java driver 4.x, configured as BENCHMARKS.md asks: protocol V4, one
 * connection, {@code max-requests-per-connection} as given (1024 or 32768), schema and token map
 * off, local datacenter set, metrics off. Used sync from virtual threads and async with a window.
 */
final class JavaDriverClient implements BenchClient {
  private final CqlSession session;
  private volatile PreparedStatement prepared;
  private volatile Workload workload;

  JavaDriverClient(ClientOptions options) {
    DriverConfigLoader config = DriverConfigLoader.programmaticBuilder()
        .withString(DefaultDriverOption.PROTOCOL_VERSION, options.protocolVersion() == 5 ? "V5" : "V4")
        .withInt(DefaultDriverOption.CONNECTION_POOL_LOCAL_SIZE, 1)
        .withInt(DefaultDriverOption.CONNECTION_POOL_REMOTE_SIZE, 1)
        .withInt(DefaultDriverOption.CONNECTION_MAX_REQUESTS, options.maxRequestsPerConnection())
        .withBoolean(DefaultDriverOption.METADATA_SCHEMA_ENABLED, false)
        .withBoolean(DefaultDriverOption.METADATA_TOKEN_MAP_ENABLED, false)
        .withStringList(DefaultDriverOption.METRICS_SESSION_ENABLED, List.of())
        .withStringList(DefaultDriverOption.METRICS_NODE_ENABLED, List.of())
        .withString(DefaultDriverOption.REQUEST_CONSISTENCY, DefaultConsistencyLevel.ONE.name())
        .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(30))
        .build();
    session = CqlSession.builder()
        .addContactPoint(options.node())
        .withLocalDatacenter(options.localDatacenter())
        .withConfigLoader(config)
        .build();
  }

  @Override
  public void prepare(Workload workload) {
    this.prepared = session.prepare(workload.cql);
    this.workload = workload;
  }

  @Override
  public long execute(long key) {
    ResultSet rs = session.execute(prepared.bind(Values.of(workload, key)));
    long sum = 0;
    for (Row row : rs) {
      sum += consume(row);
    }
    return sum;
  }

  @Override
  public CompletionStage<Long> executeAsync(long key) {
    return session.executeAsync(prepared.bind(Values.of(workload, key))).thenApply(this::consume);
  }

  private long consume(AsyncResultSet rs) {
    long sum = 0;
    for (Row row : rs.currentPage()) {
      sum += consume(row);
    }
    return sum;
  }

  private long consume(Row row) {
    long sum = 0;
    int columns = workload.columns.size();
    for (int i = 0; i < columns; i++) {
      sum += switch (workload.columns.get(i)) {
        case BIGINT -> row.getLong(i);
        case TEXT -> row.getString(i).length();
        case BLOB -> row.getByteBuffer(i).remaining();
      };
    }
    return sum;
  }

  @Override
  public void close() {
    session.close();
  }
}
