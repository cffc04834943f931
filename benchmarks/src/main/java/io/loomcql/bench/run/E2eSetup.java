package io.loomcql.bench.run;

import io.loomcql.Cluster;
import io.loomcql.PreparedStatement;
import io.loomcql.ProtocolVersion;
import io.loomcql.Session;
import io.loomcql.bench.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Prepares a real node for the end-to-end runs: keyspace {@code bench}, table {@code kv}, keys 0 ..
 * {@link Workload#KEYS}-1 written so that every select finds its row. With {@code --print-dc} it
 * only prints the node's datacenter (the Java driver needs it as its local datacenter).
 */
public final class E2eSetup {
  private E2eSetup() {}

  public static void main(String[] argv) {
    Args args = new Args(argv);
    String[] hostPort = args.get("server", "127.0.0.9:9042").split(":");
    try (Cluster cluster = Cluster.builder().addContactPoints(hostPort[0]).withPort(Integer.parseInt(hostPort[1]))
            .withProtocolVersion(ProtocolVersion.V4).build();
         Session session = cluster.connect()) {
      if (args.has("print-dc")) {
        System.out.println(session.execute("SELECT data_center FROM system.local").one().getString(0));
        System.exit(0);
      }
      for (String cql : Workload.E2E_SCHEMA) {
        session.execute(cql);
      }
      PreparedStatement insert = session.prepare(Workload.E2E_INSERT.cql);
      List<CompletableFuture<?>> pending = new ArrayList<>();
      for (long k = 0; k < Workload.KEYS; k++) {
        pending.add(session.executeAsync(insert.bind(k, k + 1, k + 2)));
        if (pending.size() == 256) {
          pending.forEach(CompletableFuture::join);
          pending.clear();
        }
      }
      pending.forEach(CompletableFuture::join);
      System.err.println("e2e: keyspace bench ready, " + Workload.KEYS + " keys written");
    }
    System.exit(0);
  }
}
