package io.loomcql.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a node folder: {@code cassandra.yaml}, {@code logback.xml} and the
 * JVM {@code @argfile} ({@code jvm.args}). The JVM flags are Cassandra's own
 * {@code jvm17-server.options} essentials plus the ones measured to make
 * start-up fast on small machines (see CASSANDRA.md): {@code ring_delay_ms} and
 * {@code skip_wait_for_gossip_to_settle} save 30 s of idling,
 * {@code TieredStopAtLevel=1} halves start-up CPU,
 * {@code superuser_setup_delay_ms=0} makes the default login work at once.
 */
final class NodeFiles {

    private static final List<String> JVM_FLAGS = List.of(
            "-ea", "-da:net.openhft...", "-XX:+UseThreadPriorities", "-XX:+HeapDumpOnOutOfMemoryError",
            "-Xss256k", "-XX:+UseTLAB", "-XX:+ResizeTLAB", "-XX:+PerfDisableSharedMem",
            "-Djava.net.preferIPv4Stack=true", "-XX:+UseG1GC", "-XX:+ParallelRefProcEnabled",
            "-XX:MaxTenuringThreshold=1", "-XX:G1RSetUpdatingPauseTimePercent=5", "-XX:MaxGCPauseMillis=300",
            "-Djdk.attach.allowAttachSelf=true",
            "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED",
            "--add-exports", "java.management.rmi/com.sun.jmx.remote.internal.rmi=ALL-UNNAMED",
            "--add-exports", "java.rmi/sun.rmi.registry=ALL-UNNAMED",
            "--add-exports", "java.rmi/sun.rmi.server=ALL-UNNAMED",
            "--add-exports", "java.sql/java.sql=ALL-UNNAMED",
            "--add-exports", "java.base/java.lang.ref=ALL-UNNAMED",
            "--add-exports", "jdk.unsupported/sun.misc=ALL-UNNAMED",
            "--add-exports", "jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
            "--add-exports", "jdk.attach/sun.tools.attach=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang.module=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.loader=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.reflect=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.math=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.module=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.util.jar=ALL-UNNAMED",
            "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED",
            "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens", "java.base/java.io=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens", "jdk.compiler/com.sun.tools.javac=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang=ALL-UNNAMED",
            "--add-opens", "java.base/java.util=ALL-UNNAMED",
            "-Dio.netty.tryReflectionSetAccessible=true", "-Dio.netty.allocator.useCacheForAllThreads=true",
            "-Dio.netty.allocator.maxOrder=11", "-XX:+ExitOnOutOfMemoryError", "-XX:TieredStopAtLevel=1",
            "-Dcassandra.ring_delay_ms=1000", "-Dcassandra.skip_wait_for_gossip_to_settle=0",
            "-Dcassandra.superuser_setup_delay_ms=0", "-Dcassandra.memtable.row_overhead_size=180",
            "-Dcassandra.test.flush_local_schema_changes=false", "-Dcassandra.consistent.rangemovement=false",
            "-Dcassandra-foreground=yes", "-Xms256M");

    private NodeFiles() {
    }

    /**
     * Writes the node's configuration into {@code spec.dir()}, which the caller has emptied.
     *
     * @return the {@code @argfile} to launch the node with
     */
    static Path write(NodeSpec spec, String classpath) {
        Path dir = spec.dir();
        try {
            Files.createDirectories(dir.resolve("logs"));
            Files.createDirectories(dir.resolve("triggers"));
            String yaml = template("cassandra.yaml.template")
                    .replace("@NUM_TOKENS@", "1")
                    .replace("@TOKEN_CONFIG@", "initial_token: " + spec.initialToken())
                    .replace("@IP@", spec.ip())
                    .replace("@NATIVE_PORT@", Integer.toString(spec.nativeAddress().getPort()))
                    .replace("@SEEDS@", spec.seeds())
                    .replace("@DIR@", dir.toString())
                    .replace("@EXTRA@", spec.options().yaml());
            Files.writeString(dir.resolve("cassandra.yaml"), yaml, StandardCharsets.UTF_8);
            String logback = template("logback.xml.template").replace("@LOGDIR@", dir.resolve("logs").toString());
            Files.writeString(dir.resolve("logback.xml"), logback, StandardCharsets.UTF_8);

            List<String> args = new ArrayList<>(JVM_FLAGS);
            args.add("-Xmx" + spec.options().maxHeap());
            args.add("-Dcassandra.config=" + dir.resolve("cassandra.yaml").toUri());
            args.add("-Dcassandra.storagedir=" + dir);
            args.add("-Dcassandra.logdir=" + dir.resolve("logs"));
            args.add("-Dlogback.configurationFile=" + dir.resolve("logback.xml"));
            args.add("-Dcassandra.triggers_dir=" + dir.resolve("triggers"));
            // Local JMX, so tests can ask a node what it computes (replicas of a key), as nodetool does.
            args.add("-Dcassandra.jmx.local.port=" + spec.jmxPort());
            args.add("-cp");
            args.add(classpath);
            StringBuilder text = new StringBuilder();
            for (String arg : args) {
                text.append(quote(arg)).append('\n');
            }
            Path argfile = dir.resolve("jvm.args");
            Files.writeString(argfile, text, StandardCharsets.UTF_8);
            return argfile;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the node folder " + dir, e);
        }
    }

    /**
     * Evenly spaced Murmur3 tokens, so a cluster of single-token nodes is balanced
     * and no node needs to bootstrap (bootstrap was flaky on 2 cores).
     *
     * @param i 0-based node position
     * @param n number of nodes
     * @return the i-th of n tokens, starting at {@link Long#MIN_VALUE}
     */
    static String token(int i, int n) {
        BigInteger ring = BigInteger.ONE.shiftLeft(64);
        return BigInteger.valueOf(Long.MIN_VALUE)
                .add(ring.multiply(BigInteger.valueOf(i)).divide(BigInteger.valueOf(n)))
                .toString();
    }

    private static String template(String name) throws IOException {
        return Files.readString(ProjectPaths.resource(name), StandardCharsets.UTF_8);
    }

    /** Argfile quoting: one argument per line, double quotes, backslash escapes. */
    private static String quote(String arg) {
        return '"' + arg.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
