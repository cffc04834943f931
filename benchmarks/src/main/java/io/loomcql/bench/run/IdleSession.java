package io.loomcql.bench.run;

import com.sun.management.HotSpotDiagnosticMXBean;
import io.loomcql.bench.Workload;
import io.loomcql.bench.client.BenchClient;
import io.loomcql.bench.client.ClientOptions;
import io.loomcql.bench.client.Clients;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Heap and threads per idle session: measures the heap in use after full GCs, the platform thread
 * count, the virtual threads (from a JSON thread dump) and the direct buffer memory; opens one
 * session, prepares and runs one statement, lets it idle 3 s, and measures again. Prints
 * {@code IDLE <client> <heap bytes> <platform threads> <virtual threads> <direct bytes>}, as deltas.
 */
public final class IdleSession {
  private IdleSession() {}

  public static void main(String[] argv) throws Exception {
    Args args = new Args(argv);
    String name = args.get("client", "loomcql");
    ClientOptions options = ClientOptions.parse(args.get("server", "127.0.0.1:9042"), 4, 1024, args.get("dc", "dc1"));
    long[] before = sample();
    BenchClient client = Clients.open(name, options);
    client.prepare(Workload.ONE_ROW);
    client.execute(1);
    Thread.sleep(3000);
    long[] after = sample();
    System.out.printf("IDLE %s %d %d %d %d%n", name, after[0] - before[0], after[1] - before[1], after[2] - before[2],
        after[3] - before[3]);
    System.out.flush();
    client.close();
    System.exit(0);
  }

  private static long[] sample() throws Exception {
    for (int i = 0; i < 4; i++) {
      System.gc();
      Thread.sleep(100);
    }
    long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    long platform = ManagementFactory.getThreadMXBean().getThreadCount();
    long direct = 0;
    for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
      if (pool.getName().equals("direct")) {
        direct = pool.getMemoryUsed();
      }
    }
    Path dump = Files.createTempFile("threads", ".json");
    Files.delete(dump);
    ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
        .dumpThreads(dump.toString(), HotSpotDiagnosticMXBean.ThreadDumpFormat.JSON);
    String json = Files.readString(dump);
    Files.delete(dump);
    Matcher m = Pattern.compile("\"virtual\"\\s*:\\s*true").matcher(json);
    long virtual = 0;
    while (m.find()) {
      virtual++;
    }
    return new long[] {heap, platform, virtual, direct};
  }
}
