package io.loomcql.bench.run;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.Row;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * Cold start, Apache Java driver (configured as in the throughput runs): connect and read the first
 * row of system.local, then print {@code FIRST_ROW <loaded classes>} and exit. Fresh JVM, only the
 * Java driver's runtime jars (and these benchmark classes) on the class path.
 */
public final class FirstRowJavaDriver {
  private FirstRowJavaDriver() {}

  public static void main(String[] args) {
    String[] hostPort = args[0].split(":");
    String datacenter = args.length > 1 ? args[1] : "dc1";
    DriverConfigLoader config = DriverConfigLoader.programmaticBuilder()
        .withString(DefaultDriverOption.PROTOCOL_VERSION, "V4")
        .withInt(DefaultDriverOption.CONNECTION_POOL_LOCAL_SIZE, 1)
        .withBoolean(DefaultDriverOption.METADATA_SCHEMA_ENABLED, false)
        .withBoolean(DefaultDriverOption.METADATA_TOKEN_MAP_ENABLED, false)
        .withStringList(DefaultDriverOption.METRICS_SESSION_ENABLED, List.of())
        .withStringList(DefaultDriverOption.METRICS_NODE_ENABLED, List.of())
        .build();
    try (CqlSession session = CqlSession.builder()
        .addContactPoint(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])))
        .withLocalDatacenter(datacenter).withConfigLoader(config).build()) {
      Row row = session.execute("SELECT release_version FROM system.local").one();
      System.out.println("FIRST_ROW " + ManagementFactory.getClassLoadingMXBean().getLoadedClassCount() + " "
          + row.getString(0));
      System.out.flush();
    }
    System.exit(0);
  }
}
