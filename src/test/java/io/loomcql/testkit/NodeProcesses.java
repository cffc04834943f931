package io.loomcql.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Makes sure no Cassandra process outlives the test run that started it.
 *
 * <p>A JVM shutdown hook kills every node this JVM started. A crashed or
 * killed run cannot run its hook, so each node also gets a PID file
 * ({@code target/cassandra/node<N>.pid}: node PID and owner JVM PID); the next
 * launch kills nodes whose owner is gone, after checking in
 * {@code /proc/<pid>/cmdline} that the PID really is our CassandraDaemon (PIDs
 * are recycled). Nodes of a live JVM are left alone.
 */
final class NodeProcesses {

    private static final String DAEMON = "org.apache.cassandra.service.CassandraDaemon";
    private static final Map<Process, Path> LIVE = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(NodeProcesses::killAll, "loomcql-cassandra-reaper"));
    }

    private NodeProcesses() {
    }

    /** Tracks a node process for the shutdown hook and writes its PID file. */
    static void started(Process process, Path pidFile) {
        LIVE.put(process, pidFile);
        try {
            Files.writeString(pidFile, process.pid() + " " + ProcessHandle.current().pid() + "\n",
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            Log.warn("Cannot write %s: %s", pidFile, e);
        }
    }

    /** Forgets a node process that has exited and removes its PID file. */
    static void stopped(Process process, Path pidFile) {
        LIVE.remove(process);
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            Log.warn("Cannot delete %s: %s", pidFile, e);
        }
    }

    /** SIGKILL and wait briefly, so the ports are free when this returns. */
    static void kill(Process process) {
        process.destroyForcibly();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                Log.warn("Cassandra process %d did not exit within 10 s of SIGKILL", process.pid());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Kills the nodes left behind by crashed runs of this project, if the
     * project directory can be found. Called before probing for a running
     * node, so a crashed run's node (with its stale data) is replaced rather
     * than silently reused forever.
     */
    static void reapLeftovers() {
        Path workDir;
        try {
            workDir = ProjectPaths.workDir();
        } catch (CassandraStartException e) {
            return; // not inside the project (e.g. a demo run elsewhere): nothing of ours to reap
        }
        reapLeftovers(workDir);
    }

    /** Kills the nodes left behind by runs whose JVM no longer exists. */
    static void reapLeftovers(Path workDir) {
        if (!Files.isDirectory(workDir)) {
            return;
        }
        try (DirectoryStream<Path> pidFiles = Files.newDirectoryStream(workDir, "*.pid")) {
            for (Path pidFile : pidFiles) {
                reap(pidFile);
            }
        } catch (IOException e) {
            Log.warn("Cannot scan %s for PID files: %s", workDir, e);
        }
    }

    private static void reap(Path pidFile) throws IOException {
        String[] parts = Files.readString(pidFile, StandardCharsets.UTF_8).trim().split("\\s+");
        long pid;
        long owner;
        try {
            pid = Long.parseLong(parts[0]);
            owner = parts.length > 1 ? Long.parseLong(parts[1]) : -1;
        } catch (NumberFormatException e) {
            Files.deleteIfExists(pidFile);
            return;
        }
        boolean ownerAlive = owner > 0 && ProcessHandle.of(owner).map(ProcessHandle::isAlive).orElse(false);
        if (ownerAlive) {
            return; // another live test JVM's node, or ours
        }
        Optional<ProcessHandle> node = ProcessHandle.of(pid);
        if (node.isPresent() && node.get().isAlive() && isCassandraDaemon(pid)) {
            Log.warn("Killing Cassandra %d left behind by a previous run (%s)", pid, pidFile);
            node.get().destroyForcibly();
            try {
                node.get().onExit().get(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                Log.warn("Leftover Cassandra %d did not exit: %s", pid, e);
            }
        }
        Files.deleteIfExists(pidFile);
    }

    /** @return true if {@code /proc/<pid>/cmdline} names the Cassandra daemon main class */
    static boolean isCassandraDaemon(long pid) {
        try {
            byte[] cmdline = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            return new String(cmdline, StandardCharsets.UTF_8).contains(DAEMON);
        } catch (IOException e) {
            return false;
        }
    }

    private static void killAll() {
        LIVE.keySet().forEach(Process::destroyForcibly);
        LIVE.forEach((process, pidFile) -> {
            try {
                if (process.waitFor(5, TimeUnit.SECONDS)) {
                    Files.deleteIfExists(pidFile);
                }
            } catch (InterruptedException | IOException e) {
                // best effort: the next run reaps whatever is left
            }
        });
    }
}
