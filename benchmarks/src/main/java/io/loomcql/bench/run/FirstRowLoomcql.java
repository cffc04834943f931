package io.loomcql.bench.run;

import io.loomcql.Cluster;
import io.loomcql.ProtocolVersion;
import io.loomcql.Row;
import io.loomcql.Session;
import java.lang.management.ManagementFactory;

/**
 * Cold start, loomcql: connect and read the first row of system.local, then print
 * {@code FIRST_ROW <loaded classes>} and exit. Run in a fresh JVM with only loomcql's runtime jars
 * (and these benchmark classes) on the class path; the parent times it from process start.
 */
public final class FirstRowLoomcql {
  private FirstRowLoomcql() {}

  public static void main(String[] args) {
    String[] hostPort = args[0].split(":");
    try (Cluster cluster = Cluster.builder().addContactPoints(hostPort[0]).withPort(Integer.parseInt(hostPort[1]))
            .withProtocolVersion(ProtocolVersion.V4).build();
         Session session = cluster.connect()) {
      Row row = session.execute("SELECT release_version FROM system.local").one();
      System.out.println("FIRST_ROW " + ManagementFactory.getClassLoadingMXBean().getLoadedClassCount() + " "
          + row.getString(0));
      System.out.flush();
    }
    System.exit(0);
  }
}
