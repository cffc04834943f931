package io.loomcql.testkit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One Cassandra server process (JDK 17 child JVM running CassandraDaemon) in a
 * node folder that {@link NodeFiles} prepared. Nodes are created and started
 * by {@link LocalCluster}; tests see them through {@link LocalCluster#node(int)}.
 *
 * <p>Ready means: the process is alive, its log (since this launch) says
 * {@code Starting listening for CQL clients on /ip:port}, and the address
 * answers a native-protocol OPTIONS. A TCP check alone was once fooled by
 * another process on 9042.
 */
public final class CassandraNode {

    private static final String STARTUP_FAILURE = "Exception encountered during startup";

    private final NodeSpec spec;
    private final NodeLog log;
    private final Path argfile;
    private final Path pidFile;
    private Process process;
    private long logMark;

    CassandraNode(NodeSpec spec, Path argfile, Path pidFile) {
        this.spec = spec;
        this.log = new NodeLog(spec.systemLog());
        this.argfile = argfile;
        this.pidFile = pidFile;
    }

    /** @return the 1-based node number */
    public int index() {
        return spec.index();
    }

    /** @return the node's CQL address, e.g. {@code 127.0.0.2:9042} */
    public InetSocketAddress contactPoint() {
        return spec.nativeAddress();
    }

    /**
     * Asks the node, over its local JMX port, which endpoints replicate {@code key} of
     * {@code keyspace.table}: what {@code nodetool getendpoints} prints.
     *
     * @param key the partition key as nodetool takes it (text form)
     * @return the replicas' addresses, e.g. {@code 127.0.0.2}
     */
    public List<String> naturalEndpoints(String keyspace, String table, String key) {
        return NodeJmx.naturalEndpoints(spec.jmxPort(), keyspace, table, key);
    }

    /**
     * Flushes {@code keyspace} to disk. Schema changes sit in the commit log, synced every 10 s
     * here: flush {@code system_schema} before a SIGKILL that must not make the node forget them.
     */
    public void flush(String keyspace) {
        NodeJmx.flush(spec.jmxPort(), keyspace);
    }

    /** @return the node folder (config, {@code logs/system.log}, data) */
    public Path directory() {
        return spec.dir();
    }

    /** @return true while the node's process is alive */
    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** @return the PID of the current process, or -1 when stopped */
    public synchronized long pid() {
        return isRunning() ? process.pid() : -1;
    }

    /** @return the last {@code lines} lines of {@code system.log} */
    public String logTail(int lines) {
        return log.tail(lines);
    }

    /**
     * Launches the process at the given {@code nice} value (0: as the test JVM) without waiting;
     * see {@link #awaitReady(Instant)}. {@code nice} execs the JVM in its own process, so the PID is
     * the JVM's.
     */
    synchronized void launch(int niceness) {
        if (isRunning()) {
            throw new IllegalStateException("node " + index() + " is already running");
        }
        logMark = log.mark();
        List<String> command = new ArrayList<>();
        if (niceness != 0) {
            command.addAll(List.of("nice", "-n", Integer.toString(niceness)));
        }
        command.addAll(List.of(CassandraJdk.java().toString(), "@" + argfile, "org.apache.cassandra.service.CassandraDaemon"));
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(spec.dir().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(spec.stdoutLog().toFile()));
        // Options meant for the test JVM must not leak into the JDK 17 server.
        pb.environment().keySet().removeAll(List.of("JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS"));
        pb.environment().put("JAVA_HOME", CassandraJdk.home().toString());
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new CassandraStartException("Cannot launch Cassandra node " + index(), e);
        }
        NodeProcesses.started(process, pidFile);
    }

    /**
     * Polls until the node is ready.
     *
     * @throws CassandraStartException at once if the process exits or logs a startup exception, or
     *                                 at the deadline; the message carries the log tail
     */
    void awaitReady(Instant deadline) {
        while (true) {
            Process p;
            synchronized (this) {
                p = process;
            }
            if (p == null || !p.isAlive()) {
                kill();
                throw failure("exited" + (p == null ? "" : " with code " + p.exitValue()) + " during startup");
            }
            String text = log.since(logMark);
            if (text.contains(STARTUP_FAILURE)) {
                kill();
                throw failure("failed to start (" + STARTUP_FAILURE + ")");
            }
            if (text.contains(spec.listeningLine()) && answers(text.contains(spec.listeningLine() + " (encrypted)"))) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                kill();
                throw failure("was not ready in time");
            }
            sleep(Duration.ofMillis(200));
        }
    }

    /** @return true if the log written since the last launch contains {@code text} */
    boolean logSinceLaunchContains(String text) {
        return log.since(logMark).contains(text);
    }

    /** @return a mark for {@link #logContains(long, String)}: the current log size */
    long logMark() {
        return log.mark();
    }

    /** @return true if the log written since {@code mark} contains {@code text} */
    boolean logContains(long mark, String text) {
        return log.since(mark).contains(text);
    }

    NodeSpec spec() {
        return spec;
    }

    /** SIGKILL (about 0.1 s); the data folder stays, so {@link #launch(int)} restarts on it. */
    synchronized void kill() {
        if (process != null) {
            NodeProcesses.kill(process);
            NodeProcesses.stopped(process, pidFile);
        }
    }

    /** SIGTERM: Cassandra drains and exits (6-8 s); SIGKILL if it takes longer than {@code timeout}. */
    synchronized void stopGracefully(Duration timeout) {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                Log.warn("Node %d ignored SIGTERM for %s, killing it", index(), timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        kill();
    }

    private CassandraStartException failure(String what) {
        String systemLog = log.tail(40);
        // stdout only adds news when the JVM failed before or outside logging (bad flags, wrong JDK)
        String stdout = systemLog.contains(STARTUP_FAILURE) ? ""
                : "\n--- last lines of " + spec.stdoutLog() + " ---\n" + NodeLog.tail(spec.stdoutLog(), 15);
        return new CassandraStartException("Cassandra node " + index() + " (" + contactPoint() + ") " + what
                + "\n--- last lines of " + spec.systemLog() + " ---\n" + systemLog + stdout);
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CassandraStartException("Interrupted while waiting for Cassandra", e);
        }
    }

    /**
     * A node that demands client certificates cannot be asked OPTIONS by the probe (it has none):
     * there our process being alive, its "listening" line and a TCP accept have to do.
     */
    private boolean answers(boolean encrypted) {
        if (spec.options().yaml().contains("require_client_auth: true")) {
            try (java.net.Socket socket = new java.net.Socket()) {
                socket.connect(contactPoint(), 2000);
                return true;
            } catch (java.io.IOException e) {
                return false;
            }
        }
        return NativeProbe.answersOptions(contactPoint(), java.time.Duration.ofSeconds(2), encrypted);
    }
}
